import { AuthStoreError, PERMANENT_REFRESH_CODES } from '../errors.js';
import type { AuthDotJson } from '../model/authDotJson.js';
import { resolveAuthMode } from '../model/authDotJson.js';
import type { AuthStore, AuthWarning } from '../storage/authStore.js';
import { needsProactiveRefresh, requestTokenRefresh } from './tokenRefresh.js';

export interface RefresherDeps {
  store: AuthStore;
  locked: <T>(fn: () => Promise<T>) => Promise<T>;
  adopt: (dot: AuthDotJson | null) => Promise<boolean>;
  current: () => AuthDotJson | null;
  fetch: typeof fetch;
  url: string;
  clientId: string;
  warn: (warning: AuthWarning) => void;
}

export interface Refresher {
  /** Refreshes when the cached tokens are due; failures become warnings and the tokens are kept. */
  proactive(): Promise<void>;
  /** Refreshes unless the stored access token already differs from `stale`. */
  force(stale?: string): Promise<void>;
}

/**
 * ChatGPT token refresh shared by all processes of one home: the decision is re-made under the
 * cross-process lock against a fresh read of the store, so when many processes need a refresh at
 * once only the first sends a request and the rest adopt its rotated tokens (Codex only re-reads
 * the file, which is how its users hit "refresh token was already used", codex issues #6498, #10332).
 */
export function createRefresher(deps: RefresherDeps): Refresher {
  let permanent: { refreshToken: string; error: AuthStoreError } | null = null;

  async function run(stale: string | undefined, proactive: boolean): Promise<void> {
    const before = deps.current()?.tokens;
    if (permanent && before?.refresh_token === permanent.refreshToken) throw permanent.error;
    await deps.locked(async () => {
      const dot = await deps.store.load();
      const tokens = dot?.tokens;
      if (!dot || !tokens || resolveAuthMode(dot) !== 'chatgpt') {
        await deps.adopt(dot);
        throw new AuthStoreError('REFRESH_UNSUPPORTED', 'no stored ChatGPT login to refresh');
      }
      const settled = proactive
        ? !needsProactiveRefresh(tokens.access_token, dot.last_refresh, Date.now())
        : stale !== undefined && tokens.access_token !== stale;
      if (settled) {
        await deps.adopt(dot);
        return;
      }
      if (permanent && tokens.refresh_token === permanent.refreshToken) throw permanent.error;
      try {
        const fresh = await requestTokenRefresh({
          url: deps.url,
          clientId: deps.clientId,
          refreshToken: tokens.refresh_token,
          fetch: deps.fetch,
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
        await deps.store.save(next);
        await deps.adopt(next);
      } catch (error) {
        if (error instanceof AuthStoreError && PERMANENT_REFRESH_CODES.includes(error.code)) {
          permanent = { refreshToken: tokens.refresh_token, error };
          await deps.adopt(dot);
        }
        throw error;
      }
    });
  }

  return {
    async proactive() {
      const dot = deps.current();
      if (!dot?.tokens || !needsProactiveRefresh(dot.tokens.access_token, dot.last_refresh, Date.now()))
        return;
      try {
        await run(undefined, true);
      } catch (error) {
        if (!(error instanceof AuthStoreError)) throw error;
        deps.warn({ code: error.code, message: `proactive token refresh failed: ${error.message}` });
      }
    },
    force: (stale) => run(stale ?? deps.current()?.tokens?.access_token, false),
  };
}
