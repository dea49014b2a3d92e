import { AuthStoreError } from '../errors.js';
import type { AuthDotJson } from '../model/authDotJson.js';
import { resolveAuthMode } from '../model/authDotJson.js';
import { accountOf, buildAuth } from '../model/buildAuth.js';
import { checkLoginRestrictions } from './loginRestrictions.js';
import type { ManagerState } from './managerState.js';
import { warn } from './managerState.js';
import { adopt } from './storedAuth.js';

/** Before auth.json is replaced: an unreadable one is copied aside, never lost. */
async function keepCorruptCopy(state: ManagerState): Promise<void> {
  const copy = state.storeMode === 'ephemeral' ? null : await state.file.preserveCorrupt();
  if (copy) warn(state, { code: 'AUTH_FILE_CORRUPT', message: `kept the unreadable auth file as ${copy}` });
}

/**
 * Replaces the stored login with `dot` (built by one of the login records): refused when it breaks
 * the login restrictions, saved under the lock, and then in use instead of any host-supplied tokens.
 */
export async function login(state: ManagerState, dot: AuthDotJson): Promise<void> {
  const mode = resolveAuthMode(dot);
  const preview = buildAuth(dot, 'the new login');
  const problem = checkLoginRestrictions(state.options.loginRestrictions, mode, accountOf(preview));
  if (problem) throw new AuthStoreError('LOGIN_RESTRICTED', problem);
  await state.lock.run(async () => {
    await keepCorruptCopy(state);
    await state.store.save(dot);
  });
  state.external = null;
  if (state.stored === undefined) state.stored = { dot: null, auth: null };
  await adopt(state, dot);
}
