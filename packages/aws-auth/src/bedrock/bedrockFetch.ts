import {
  bearerOf,
  type HttpRequest,
  isRecoverableStatus,
  type RetryEvent,
  shouldRetryResponse,
  untilAborted,
} from '@x/auth-seam';
import { AwsAuthError } from '../errors.js';
import { mayQuoteHeader, scrubbedCause } from '../scrubbedCause.js';
import { createBedrockAuth } from './bedrockAuth.js';
import type { BedrockAuth, BedrockAuthOptions } from './bedrockAuthTypes.js';
import { readFetchRequest } from './bedrockFetchRequest.js';
import { retryWait, waitOrAbort } from './bedrockRetryWait.js';

/**
 * The `fetch` shape {@link createBedrockFetch} wraps.
 * @public
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * The options of {@link createBedrockFetch}: those of `createBedrockAuth`, plus the `fetch` to wrap
 * and how it retries.
 * @public
 */
export interface BedrockFetchOptions extends BedrockAuthOptions {
  /** The `fetch` to send with (default `globalThis.fetch`); the second argument wins over it. */
  fetch?: FetchLike | undefined;
  /**
   * Retries after an error status openai-node retries (408, 409, 429, 5xx; `x-should-retry: true`
   * adds any error status, `false` forbids) or a failure to connect. Default 2, as openai-node.
   */
  maxRetries?: number | undefined;
  /** Called before every wait between two attempts, with its length and cause, e.g. to tell a user. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/**
 * A `fetch` that authenticates every call for Bedrock; also exposes its {@link BedrockAuth}.
 * @public
 */
export interface BedrockFetch {
  /**
   * Sends like `fetch`, authorizing, recovering and retrying as {@link createBedrockFetch} says; never
   * follows a redirect.
   */
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** The auth it signs with, for `describe()` or to authorize requests sent some other way. */
  readonly auth: BedrockAuth;
}

/**
 * What `send` threw. An error that may quote a credential header (fetch quotes a value it refuses)
 * becomes INVALID_HEADER with that quote withheld; any other (network, abort) is passed on as it is.
 */
function sendFailure(error: unknown, sent: HttpRequest): unknown {
  const authorization = sent.headers.authorization ?? '';
  const known = [authorization, bearerOf(sent.headers) ?? '', sent.headers['x-amz-security-token'] ?? ''];
  if (error instanceof AwsAuthError || !mayQuoteHeader(error, known)) return error;
  return new AwsAuthError('INVALID_HEADER', 'fetch refused a request header as not valid HTTP', {
    cause: scrubbedCause(error, known),
  });
}

function maxRetriesOf(options: BedrockFetchOptions): number {
  const value = options.maxRetries ?? 2;
  if (!Number.isInteger(value) || value < 0) {
    throw new AwsAuthError('INVALID_OPTION', 'maxRetries must be a whole number, 0 or more');
  }
  return value;
}

/** A response body nobody will read; a body that fails while being cancelled changes nothing. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * A `fetch` wrapper that signs (or adds the bearer key to) every attempt and never follows redirects
 * (`redirect: 'manual'`). After a status `isRecoverableStatus` accepts (400, 401, 403) it hands the
 * response, body read as `bodyText`, to `recover()` once; when that mends something it sends again.
 * Error statuses openai-node retries (`shouldRetryResponse`) and connection failures are retried up
 * to `maxRetries` times, after the wait the server asks for (`retry-after-ms`, `retry-after`, up to
 * 60 s) or jittered backoff; every wait is reported to `onRetry` and ends at once when the caller
 * aborts. A response handed to the caller is never sent for again, so a stream is never replayed.
 * @public
 */
export function createBedrockFetch(options: BedrockFetchOptions = {}, fetchImpl?: FetchLike): BedrockFetch {
  const send = fetchImpl ?? options.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof send !== 'function') {
    throw new AwsAuthError('FETCH_UNAVAILABLE', 'no fetch implementation: pass one as the second argument');
  }
  const maxRetries = maxRetriesOf(options);
  const auth = createBedrockAuth(options);

  /** Reports the wait before a retry, then waits; the caller's abort ends the wait at once. */
  const waitToRetry = (
    event: Omit<RetryEvent, 'delayMs' | 'delaySource'>,
    signal: AbortSignal | undefined,
    headers?: Headers,
  ): Promise<void> => {
    const wait = retryWait(event.attempt, headers);
    options.onRetry?.({ ...event, ...wait });
    return waitOrAbort(wait.delayMs, signal);
  };

  const bedrockFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = await readFetchRequest(input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
    let recovered = false;
    let retries = 0;
    for (;;) {
      const sent = await auth.authorize(request, { signal });
      const requestInit: RequestInit = { method: sent.method, headers: sent.headers, redirect: 'manual' };
      if (sent.body !== undefined) requestInit.body = sent.body as NonNullable<RequestInit['body']>;
      if (signal) requestInit.signal = signal;
      let response: Response;
      try {
        response = await send(sent.url, requestInit);
      } catch (error) {
        const failure = sendFailure(error, sent);
        if (signal?.aborted || failure instanceof AwsAuthError || retries >= maxRetries) throw failure;
        await waitToRetry({ attempt: ++retries, maxRetries, reason: 'transport' }, signal);
        continue;
      }
      if (!recovered && isRecoverableStatus(response.status)) {
        recovered = true;
        const bodyText = await response.clone().text();
        const { status, headers } = response;
        // The caller's abort ends the wait at once; the refresh itself runs on for other callers.
        if (await untilAborted(auth.recover({ status, headers, bodyText }, sent), signal)) {
          await discard(response);
          continue;
        }
      }
      if (retries < maxRetries && shouldRetryResponse(response)) {
        await discard(response);
        const { status, headers } = response;
        await waitToRetry({ attempt: ++retries, maxRetries, status, reason: 'status' }, signal, headers);
        continue;
      }
      return response;
    }
  };
  return Object.assign(bedrockFetch, { auth });
}
