import { AuthStoreError } from '../errors.js';
import type { Auth } from '../model/auth.js';
import { accountOf } from '../model/buildAuth.js';
import { envAuth } from './envAuth.js';
import { checkLoginRestrictions } from './loginRestrictions.js';
import { logout } from './logout.js';
import type { ManagerState } from './managerState.js';
import { refreshIfDue } from './refreshTokens.js';
import { loadOnce } from './storedAuth.js';

/** A stored login that breaks the login restrictions is logged out. */
async function enforceRestrictions(state: ManagerState, auth: Auth | null): Promise<void> {
  if (!auth) return;
  const problem = checkLoginRestrictions(state.options.loginRestrictions, auth.mode, accountOf(auth));
  if (problem) {
    await logout(state);
    throw new AuthStoreError('LOGIN_RESTRICTED', `${problem}; logged out`);
  }
}

/**
 * `manager.auth()`: `CODEX_API_KEY` or `CODEX_AGENT_IDENTITY` when opted in, else host-supplied
 * tokens, else the stored login (read once, checked against the restrictions, ChatGPT tokens
 * refreshed when due), else null.
 */
export async function resolveAuth(state: ManagerState): Promise<Auth | null> {
  const fromEnv = envAuth(state);
  if (fromEnv) return fromEnv;
  if (state.external) return state.external;
  await loadOnce(state);
  await enforceRestrictions(state, state.stored?.auth ?? null);
  if (state.stored?.auth?.mode === 'chatgpt') await refreshIfDue(state);
  return state.stored?.auth ?? null;
}
