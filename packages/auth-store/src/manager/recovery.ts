import { AuthStoreError } from '../errors.js';
import { accountOf } from '../model/buildAuth.js';
import { agentTask, renewAgentTask } from './agentTask.js';
import { refreshExternalTokens } from './externalTokens.js';
import type { ManagerState } from './managerState.js';
import { cachedAuth } from './managerState.js';
import { forceRefresh } from './refreshTokens.js';
import { adopt, authOf } from './storedAuth.js';

/**
 * One step of 401 recovery and whether retrying the request makes sense afterwards.
 * @public
 */
export interface RecoveryStep {
  /**
   * What was tried: re-read the store (`reload`), refresh ChatGPT tokens (`refresh`), ask the host
   * for tokens (`externalRefresh`) or register a new Agent Identity task (`agentTask`).
   */
  step: 'reload' | 'refresh' | 'externalRefresh' | 'agentTask';
  /** Whether the credential changed, so sending the request once more makes sense. */
  retry: boolean;
  /** Why the step could not help (e.g. a permanent refresh failure); never a secret. */
  error?: AuthStoreError | undefined;
}

/**
 * Staged recovery after a 401: reload (same account only), then refresh, then nothing more.
 * @public
 */
export interface UnauthorizedRecovery {
  /** Whether a step remains; false once all ran or one failed with an error. */
  hasNext(): boolean;
  /**
   * Runs the next step (a store that changed nothing moves on to the following one); RECOVERY_EXHAUSTED when
   * none is left.
   */
  next(): Promise<RecoveryStep>;
}

/** Re-reads the store and adopts it only when it still holds the same account. */
async function reloadSameAccount(state: ManagerState): Promise<'changed' | 'unchanged' | 'accountChanged'> {
  const dot = await state.store.load();
  const next = dot ? authOf(dot, 'store') : null;
  const current = state.stored?.auth ?? null;
  if (!next || next.mode !== current?.mode || accountOf(next) !== accountOf(current)) return 'accountChanged';
  return (await adopt(state, dot)) ? 'changed' : 'unchanged';
}

/** Runs one step; `later` says whether steps remain after it. */
async function runStep(
  state: ManagerState,
  step: RecoveryStep['step'],
  later: () => boolean,
): Promise<RecoveryStep | 'unchanged'> {
  if (step === 'externalRefresh') return { step, retry: await refreshExternalTokens(state) };
  if (step === 'agentTask') {
    await renewAgentTask(state, (await agentTask(state)).taskId);
    return { step, retry: true };
  }
  if (step === 'refresh') {
    const before = cachedAuth(state);
    if (before?.mode !== 'chatgpt') return { step, retry: false };
    await forceRefresh(state, before.accessToken);
    return { step, retry: true };
  }
  const outcome = await reloadSameAccount(state);
  if (outcome === 'accountChanged') {
    const error = new AuthStoreError('ACCOUNT_CHANGED', 'the stored login now belongs to another account');
    return { step, retry: false, error };
  }
  // Nothing new in storage: go straight on to the next stage instead of a pointless retry.
  if (outcome === 'unchanged' && later()) return 'unchanged';
  return { step, retry: outcome === 'changed' };
}

/**
 * Codex's staged recovery: first reload from storage, because another process may have refreshed,
 * but only adopt it if the account is unchanged; then refresh; then done. Host-supplied tokens get
 * exactly one call of the host's refresh callback; an Agent Identity registers a new task, once.
 * A step that fails with an {@link AuthStoreError} ends the recovery and reports it.
 */
export function createUnauthorizedRecovery(state: ManagerState): UnauthorizedRecovery {
  const start = cachedAuth(state);
  const stages: Array<RecoveryStep['step']> =
    start?.mode === 'chatgptAuthTokens'
      ? ['externalRefresh']
      : start?.mode === 'agentIdentity'
        ? ['agentTask']
        : start?.mode === 'chatgpt'
          ? ['reload', 'refresh']
          : ['reload'];
  const hasNext = (): boolean => stages.length > 0;
  return {
    hasNext,
    async next() {
      for (;;) {
        const step = stages.shift();
        if (!step) throw new AuthStoreError('RECOVERY_EXHAUSTED', 'No more recovery steps available.');
        try {
          const result = await runStep(state, step, hasNext);
          if (result === 'unchanged') continue;
          if (result.error) stages.length = 0;
          return result;
        } catch (error) {
          stages.length = 0;
          if (error instanceof AuthStoreError) return { step, retry: false, error };
          throw error;
        }
      }
    },
  };
}
