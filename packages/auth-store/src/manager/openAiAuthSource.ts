import { AuthStoreError } from '../errors.js';
import type { AuthManager } from './authManager.js';
import type { UnauthorizedRecovery } from './recovery.js';
import { untilAborted } from './untilAborted.js';

/** The request shape of the auth-source seam (declared locally; structurally shared with model-provider). */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A failed response as the pipeline hands it to `recover`. */
export interface HttpResponseInfo {
  status: number;
  headers: Headers | Record<string, string>;
  body?: string;
}

/** Options of `authorize` and `recover`, as the auth-source seam passes them. */
export interface AuthorizeOptions {
  /**
   * When it aborts, this caller stops waiting (for a reload, a token refresh, the lock) and gets
   * the signal's reason; the shared work goes on for the other callers.
   */
  signal?: AbortSignal | undefined;
}

export interface OpenAiAuthSource {
  authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest>;
  /**
   * After a 401: resolves true when a retry makes sense. Pass the failed `request`: when the
   * credential it carried was already replaced (another request recovered first), no step is spent.
   */
  recover(response: HttpResponseInfo, request?: HttpRequest, options?: AuthorizeOptions): Promise<boolean>;
  describe(): { source: 'auth-store'; storeMode: string; mode: string | null };
}

function bearerOf(request: HttpRequest): string | undefined {
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === 'authorization') return /^Bearer\s+(\S+)$/i.exec(value.trim())?.[1];
  }
  return undefined;
}

// A recovery left unfinished longer than this belongs to an older failure; start a new one.
const RECOVERY_TTL_MS = 5 * 60_000;

/**
 * Auth source for OpenAI-compatible requests backed by an {@link AuthManager}: `Authorization:
 * Bearer <api key | access token | personal access token>` plus `ChatGPT-Account-ID` for ChatGPT
 * modes. Bedrock API keys are rejected here: they are only valid for the amazon-bedrock provider
 * (seed 000). `recover` walks the manager's staged 401 recovery, one step per call.
 */
export function createOpenAiAuthSource(manager: AuthManager): OpenAiAuthSource {
  let recovery: { run: UnauthorizedRecovery; started: number } | null = null;
  // The recovery step under way: concurrent 401s wait for it instead of taking the next steps.
  let pending: Promise<boolean> | null = null;

  const currentBearer = async (): Promise<string | null> => {
    try {
      const auth = await manager.auth();
      if (auth?.mode === 'apikey') return auth.apiKey;
      if (auth?.mode === 'personalAccessToken') return auth.token;
      if (auth?.mode === 'chatgpt' || auth?.mode === 'chatgptAuthTokens') return auth.accessToken;
    } catch {
      // the staged recovery reports what is wrong
    }
    return null;
  };

  const recoverOnce = async (request: HttpRequest | undefined): Promise<boolean> => {
    const sent = request === undefined ? undefined : bearerOf(request);
    if (sent !== undefined) {
      const current = await currentBearer();
      if (current !== null && current !== sent) return true;
    }
    if (!recovery || Date.now() - recovery.started > RECOVERY_TTL_MS || !recovery.run.hasNext()) {
      recovery = { run: manager.unauthorizedRecovery(), started: Date.now() };
    }
    const mine = recovery;
    const result = await mine.run.next();
    if (recovery === mine && (!result.retry || !mine.run.hasNext())) recovery = null;
    return result.retry;
  };

  return {
    async authorize(request, options) {
      const signal = options?.signal;
      if (signal?.aborted) throw signal.reason;
      const auth = await untilAborted(manager.auth(), signal);
      if (!auth)
        throw new AuthStoreError('NOT_LOGGED_IN', `not logged in (no credentials under ${manager.home})`);
      const headers = { ...request.headers };
      for (const name of Object.keys(headers)) {
        const lower = name.toLowerCase();
        if (lower === 'authorization' || lower === 'chatgpt-account-id') delete headers[name];
      }
      switch (auth.mode) {
        case 'bedrockApiKey':
          throw new AuthStoreError(
            'AUTH_MODE_UNSUPPORTED',
            'the stored login is a Bedrock API key, which only the amazon-bedrock provider accepts',
          );
        case 'agentIdentity':
          throw new AuthStoreError(
            'AUTH_MODE_UNSUPPORTED',
            'Agent Identity logins are not supported by the OpenAI-compatible auth source',
          );
        case 'apikey':
          headers.Authorization = `Bearer ${auth.apiKey}`;
          break;
        case 'personalAccessToken':
          headers.Authorization = `Bearer ${auth.token}`;
          break;
        default:
          headers.Authorization = `Bearer ${auth.accessToken}`;
          if (auth.accountId) headers['ChatGPT-Account-ID'] = auth.accountId;
      }
      return { ...request, headers };
    },
    async recover(response, request, options) {
      if (response.status !== 401) return false;
      const signal = options?.signal;
      if (signal?.aborted) throw signal.reason;
      if (pending) return untilAborted(pending, signal);
      const step = recoverOnce(request);
      pending = step;
      // Cleared when the step ends, not when this caller stops waiting for it.
      const clear = (): void => {
        if (pending === step) pending = null;
      };
      step.then(clear, clear);
      return untilAborted(step, signal);
    },
    describe: () => ({ source: 'auth-store', storeMode: manager.storeMode, mode: manager.currentMode() }),
  };
}
