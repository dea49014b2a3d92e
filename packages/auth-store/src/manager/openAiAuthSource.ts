import type { AuthorizeOptions, AuthSource, FailedResponse, HttpRequest } from '@x/auth-seam';
import { bearerOf, untilAborted } from '@x/auth-seam';
import { AuthStoreError } from '../errors.js';
import { assertedTaskId } from '../model/agentAssertion.js';
import type { AuthMode } from '../model/authMode.js';
import type { StoreMode } from '../storage/authStore.js';
import { agentIdentityHeaders } from './agentHeaders.js';
import type { AuthManager } from './authManager.js';
import type { UnauthorizedRecovery } from './recovery.js';

/**
 * The auth-source seam for OpenAI-compatible requests, backed by an {@link AuthManager}.
 * @public
 */
export interface OpenAiAuthSource extends AuthSource {
  /**
   * A copy of `request` with the login's headers in place of any `authorization`,
   * `chatgpt-account-id` or `x-openai-fedramp` it had; NOT_LOGGED_IN without a login.
   */
  authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest>;
  /**
   * After a 401: resolves true when a retry makes sense. Pass the failed `request`: when the
   * credential it carried was already replaced (another request recovered first), no step is spent.
   * Any other status (a 400 or 403 included) resolves false without reloading or refreshing anything.
   */
  recover(response: FailedResponse, request?: HttpRequest, options?: AuthorizeOptions): Promise<boolean>;
  /** Where the credential comes from: the store's mode and the kind of login last read (null before one). */
  describe(): { source: 'auth-store'; storeMode: StoreMode; mode: AuthMode | null };
}

/** A copy of `headers` without the named ones (`lowerNames` lower-case), whatever their case. */
function withoutHeaders(
  headers: Record<string, string>,
  lowerNames: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !lowerNames.includes(name.toLowerCase())),
  );
}

// A recovery left unfinished longer than this belongs to an older failure; start a new one.
const RECOVERY_TTL_MS = 5 * 60_000;

/** The `authorization` value of `headers`, whatever the case of its name. */
function authorizationOf(headers: Record<string, string>): string | undefined {
  return Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
}

/**
 * Auth source for OpenAI-compatible requests backed by an {@link AuthManager}: `authorization:
 * Bearer <api key | access token | personal access token>` plus `chatgpt-account-id` for ChatGPT
 * modes; for an Agent Identity a fresh `AgentAssertion` per request (the task registered first),
 * `chatgpt-account-id` and, for FedRAMP accounts, `x-openai-fedramp: true`. Header names are
 * lower-case. A stored Bedrock API key is refused (`AUTH_MODE_UNSUPPORTED`). `recover` walks the
 * manager's staged 401 recovery, one step per call (an Agent Identity registers a new task), and
 * declines every other status.
 * @public
 */
export function createOpenAiAuthSource(manager: AuthManager): OpenAiAuthSource {
  let recovery: { run: UnauthorizedRecovery; started: number } | null = null;
  // The recovery step under way: concurrent 401s wait for it instead of taking the next steps.
  let pending: Promise<boolean> | null = null;

  // The credential a request carries: its bearer, or the task id of its Agent Identity assertion.
  const currentCredential = async (): Promise<string | null> => {
    try {
      const auth = await manager.auth();
      if (auth?.mode === 'apikey') return auth.apiKey;
      if (auth?.mode === 'personalAccessToken') return auth.token;
      if (auth?.mode === 'chatgpt' || auth?.mode === 'chatgptAuthTokens') return auth.accessToken;
      if (auth?.mode === 'agentIdentity') return (await manager.agentTask()).taskId;
    } catch {
      // the staged recovery reports what is wrong
    }
    return null;
  };

  const recoverOnce = async (request: HttpRequest | undefined): Promise<boolean> => {
    const sent =
      request === undefined
        ? undefined
        : (bearerOf(request.headers) ?? assertedTaskId(authorizationOf(request.headers)));
    if (sent !== undefined) {
      const current = await currentCredential();
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
      const headers = withoutHeaders(request.headers, [
        'authorization',
        'chatgpt-account-id',
        'x-openai-fedramp',
      ]);
      switch (auth.mode) {
        case 'bedrockApiKey':
          // Not a bearer an OpenAI-compatible server takes; a registry refuses it sooner, naming the provider.
          throw new AuthStoreError(
            'AUTH_MODE_UNSUPPORTED',
            `the stored login (mode ${auth.mode}) cannot authorize OpenAI-compatible requests`,
          );
        case 'agentIdentity': {
          const task = await untilAborted(manager.agentTask(), signal);
          Object.assign(headers, agentIdentityHeaders(auth, task));
          break;
        }
        case 'apikey':
          headers.authorization = `Bearer ${auth.apiKey}`;
          break;
        case 'personalAccessToken':
          headers.authorization = `Bearer ${auth.token}`;
          break;
        default:
          headers.authorization = `Bearer ${auth.accessToken}`;
          if (auth.accountId) headers['chatgpt-account-id'] = auth.accountId;
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
