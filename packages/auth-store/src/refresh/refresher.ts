import { AuthStoreError } from '../errors.js';
import type { AuthDotJson, TokenData } from '../model/authDotJson.js';
import { resolveAuthMode } from '../model/authDotJson.js';
import type { AuthStore } from '../storage/authStore.js';
import { needsProactiveRefresh } from './needsProactiveRefresh.js';
import { PERMANENT_REFRESH_CODES, requestTokenRefresh } from './requestTokenRefresh.js';

/** Where the refresher reads and writes tokens, and how it reaches the token endpoint. */
export interface RefresherOptions {
  store: Pick<AuthStore, 'load' | 'save'>;
  fetch: typeof fetch;
  url: string;
  clientId: string;
  /** How long the refresh request may wait for its answer, in milliseconds. */
  timeoutMs: number;
}

/** What the store holds after a refresh attempt, and the failure to raise once that is adopted. */
export interface RefreshOutcome {
  dot: AuthDotJson | null;
  error?: AuthStoreError | undefined;
}

/** Which refresh is asked for: a proactive one, or one replacing a rejected access token. */
export type RefreshRequest = { due: true } | { stale: string | undefined };

export interface Refresher {
  /** Throws the permanent failure remembered for these tokens' refresh token: no request would help. */
  rejectKnownFailure(tokens: TokenData | null | undefined): void;
  /**
   * Call while holding the store lock. Re-reads the store and refreshes unless that read settles it
   * (the tokens are no longer due, or the stored access token is no longer the stale one). Resolves
   * with the record to adopt; an error resolved alongside it is to be raised after adopting it, an
   * error thrown leaves the cached record as it was.
   */
  refreshStored(request: RefreshRequest): Promise<RefreshOutcome>;
}

/**
 * ChatGPT token refresh shared by all processes of one home: the decision is re-made under the
 * cross-process lock against a fresh read of the store, so when many processes need a refresh at
 * once only the first sends a request and the rest adopt its rotated tokens (Codex only re-reads
 * the file, which is how its users hit "refresh token was already used", codex issues #6498, #10332).
 * A permanent failure is remembered for its refresh token, which is never sent again.
 */
export function createRefresher(options: RefresherOptions): Refresher {
  let permanent: { refreshToken: string; error: AuthStoreError } | null = null;

  const rejectKnownFailure = (tokens: TokenData | null | undefined): void => {
    if (permanent && tokens?.refresh_token === permanent.refreshToken) throw permanent.error;
  };

  return {
    rejectKnownFailure,
    async refreshStored(request) {
      const dot = await options.store.load();
      const tokens = dot?.tokens;
      if (!dot || !tokens || resolveAuthMode(dot) !== 'chatgpt') {
        const error = new AuthStoreError('REFRESH_UNSUPPORTED', 'no stored ChatGPT login to refresh');
        return { dot, error };
      }
      const settled =
        'due' in request
          ? !needsProactiveRefresh(tokens.access_token, dot.last_refresh, Date.now())
          : request.stale !== undefined && tokens.access_token !== request.stale;
      if (settled) return { dot };
      rejectKnownFailure(tokens);
      try {
        const fresh = await requestTokenRefresh({
          url: options.url,
          clientId: options.clientId,
          refreshToken: tokens.refresh_token,
          fetch: options.fetch,
          timeoutMs: options.timeoutMs,
        });
        const next: AuthDotJson = {
          ...dot,
          tokens: {
            ...tokens,
            id_token: fresh.idToken ?? tokens.id_token,
            access_token: fresh.accessToken ?? tokens.access_token,
            refresh_token: fresh.refreshToken ?? tokens.refresh_token,
          },
          last_refresh: new Date().toISOString(),
        };
        await options.store.save(next);
        return { dot: next };
      } catch (error) {
        if (error instanceof AuthStoreError && PERMANENT_REFRESH_CODES.includes(error.code)) {
          permanent = { refreshToken: tokens.refresh_token, error };
          return { dot, error };
        }
        throw error;
      }
    },
  };
}
