import { AuthStoreError } from '../errors.js';
import type { Auth } from '../model/auth.js';

/** One step of 401 recovery and whether retrying the request makes sense afterwards. */
export interface RecoveryStep {
  step: 'reload' | 'refresh' | 'externalRefresh';
  retry: boolean;
  /** Why the step could not help (e.g. a permanent refresh failure); never a secret. */
  error?: AuthStoreError;
}

/** Staged recovery after a 401: reload (same account only), then refresh, then nothing more. */
export interface UnauthorizedRecovery {
  hasNext(): boolean;
  next(): Promise<RecoveryStep>;
}

export interface RecoveryDeps {
  auth: () => Auth | null;
  /** Reloads the store and adopts it only when it holds the same account. */
  reloadSameAccount: () => Promise<'changed' | 'unchanged' | 'accountChanged'>;
  refresh: (staleAccessToken: string) => Promise<void>;
  refreshExternal: () => Promise<boolean>;
}

/**
 * Codex's staged recovery (REFERENCE.md section 2): first reload from storage, because another
 * process may have refreshed, but only adopt it if the account is unchanged; then refresh; then
 * done. Host-supplied tokens get exactly one call of the host's refresh callback.
 */
export function createUnauthorizedRecovery(deps: RecoveryDeps): UnauthorizedRecovery {
  const start = deps.auth();
  const stages: Array<RecoveryStep['step']> =
    start?.mode === 'chatgptAuthTokens'
      ? ['externalRefresh']
      : start?.mode === 'chatgpt'
        ? ['reload', 'refresh']
        : ['reload'];
  const failed = (step: RecoveryStep['step'], error: unknown): RecoveryStep => {
    stages.length = 0;
    if (error instanceof AuthStoreError) return { step, retry: false, error };
    throw error;
  };

  const recovery: UnauthorizedRecovery = {
    hasNext: () => stages.length > 0,
    async next() {
      const step = stages.shift();
      if (!step) throw new AuthStoreError('RECOVERY_EXHAUSTED', 'No more recovery steps available.');
      const before = deps.auth();
      try {
        if (step === 'externalRefresh') return { step, retry: await deps.refreshExternal() };
        if (step === 'refresh') {
          if (before?.mode !== 'chatgpt') return { step, retry: false };
          await deps.refresh(before.accessToken);
          return { step, retry: true };
        }
        const outcome = await deps.reloadSameAccount();
        if (outcome === 'accountChanged') {
          stages.length = 0;
          const error = new AuthStoreError(
            'ACCOUNT_CHANGED',
            'the stored login now belongs to another account',
          );
          return { step, retry: false, error };
        }
        // Nothing new in storage: go straight on to the next stage instead of a pointless retry.
        if (outcome === 'unchanged' && recovery.hasNext()) return recovery.next();
        return { step, retry: outcome === 'changed' };
      } catch (error) {
        return failed(step, error);
      }
    },
  };
  return recovery;
}
