import { AuthStoreError } from '../errors.js';
import { sealAuth } from '../model/auth.js';
import { toPlanType } from '../model/authMode.js';
import { accountOf } from '../model/buildAuth.js';
import { requireText } from '../model/loginRecords.js';
import { scrubCause, secretValues } from '../model/scrubCause.js';
import type { ExternalChatgptTokens } from './authManagerOptions.js';
import { checkLoginRestrictions } from './loginRestrictions.js';
import type { ManagerState } from './managerState.js';
import { notify } from './notifications.js';

/** Uses host-supplied tokens (memory only) instead of the store until logout or the next login. */
export async function setExternalTokens(state: ManagerState, tokens: ExternalChatgptTokens): Promise<void> {
  const accessToken = requireText(tokens?.accessToken, 'accessToken');
  const accountId = requireText(tokens.chatgptAccountId, 'chatgptAccountId');
  const problem = checkLoginRestrictions(state.options.loginRestrictions, 'chatgptAuthTokens', accountId);
  if (problem) throw new AuthStoreError('LOGIN_RESTRICTED', problem);
  const planType = toPlanType(tokens.chatgptPlanType);
  state.external = sealAuth({ mode: 'chatgptAuthTokens', accessToken, accountId, email: null, planType });
  notify(state);
}

/**
 * After a 401 with host-supplied tokens: asks the host (`refreshExternalTokens`) for new ones and
 * uses them; resolves false when the host gave no callback. A failing callback is reported with a
 * copy of its error that holds no known secret.
 */
export async function refreshExternalTokens(state: ManagerState): Promise<boolean> {
  const refresh = state.options.refreshExternalTokens;
  if (!refresh) return false;
  let next: ExternalChatgptTokens;
  try {
    next = await refresh({ previousAccountId: accountOf(state.external) });
  } catch (cause) {
    const { external } = state;
    const known = [external && 'accessToken' in external ? external.accessToken : null];
    throw new AuthStoreError('EXTERNAL_REFRESH_FAILED', 'the host token refresh callback failed', {
      cause: scrubCause(cause, [...known, ...secretValues(state.stored?.dot)]),
    });
  }
  await setExternalTokens(state, next);
  return true;
}
