import { AuthStoreError } from '../errors.js';
import { needsProactiveRefresh } from '../refresh/needsProactiveRefresh.js';
import type { RefreshRequest } from '../refresh/refresher.js';
import type { ManagerState } from './managerState.js';
import { warn } from './managerState.js';
import { adopt, loadOnce } from './storedAuth.js';

/** Refreshes under the store lock and adopts what the store then holds. */
async function refreshUnderLock(state: ManagerState, request: RefreshRequest): Promise<void> {
  state.refresher.rejectKnownFailure(state.stored?.dot?.tokens);
  await state.lock.run(async () => {
    const outcome = await state.refresher.refreshStored(request);
    await adopt(state, outcome.dot);
    if (outcome.error) throw outcome.error;
  });
}

/** Refreshes when the cached tokens are due; a failure becomes a warning and the tokens are kept. */
export async function refreshIfDue(state: ManagerState): Promise<void> {
  const dot = state.stored?.dot;
  if (!dot?.tokens || !needsProactiveRefresh(dot.tokens.access_token, dot.last_refresh, Date.now())) return;
  try {
    await refreshUnderLock(state, { due: true });
  } catch (error) {
    if (!(error instanceof AuthStoreError)) throw error;
    warn(state, { code: error.code, message: `proactive token refresh failed: ${error.message}` });
  }
}

/** Refreshes unless the stored access token already differs from `stale` (default: the cached one). */
export async function forceRefresh(state: ManagerState, stale?: string): Promise<void> {
  await refreshUnderLock(state, { stale: stale ?? state.stored?.dot?.tokens?.access_token });
}

/** `manager.refreshTokens()`: loads the store if it was never read, then forces a refresh. */
export async function refreshTokens(state: ManagerState, stale?: string): Promise<void> {
  await loadOnce(state);
  await forceRefresh(state, stale);
}
