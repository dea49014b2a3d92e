import type { AuthSource, RetryEvent } from '@x/auth-seam';
import type { PrepareBodyOptions } from './prepareBodyForSend.js';

/**
 * Options of {@link createProviderFetch}.
 * @public
 */
export interface ProviderFetchOptions {
  /** Requests may only go to this origin: credentials are never attached to another one. */
  baseUrl: string;
  auth?: AuthSource | undefined;
  queryParams?: Record<string, string> | undefined;
  httpHeaders?: Record<string, string> | undefined;
  /** header name -> environment variable; skipped when unset or blank. */
  envHttpHeaders?: Record<string, string> | undefined;
  env?: Record<string, string | undefined> | undefined;
  /**
   * Retries after an error status openai-node retries (408, 409, 429, 5xx; `x-should-retry: true`
   * adds any error status, `false` forbids), a transport error or a response timeout. Default 4.
   */
  requestMaxRetries?: number | undefined;
  /**
   * First backoff delay; doubles each retry (up to 10 s), with jitter. Used when the response has no
   * `retry-after-ms` or `retry-after` of at most 60 s. Default 200 ms.
   */
  retryBaseDelayMs?: number | undefined;
  /**
   * Error a server-sent-events or NDJSON response whose stream is silent for longer than this; it
   * also bounds the wait for response headers on each attempt (RESPONSE_TIMEOUT, retried like a
   * transport error).
   */
  streamIdleTimeoutMs?: number | undefined;
  /**
   * Times a streamed (server-sent events or NDJSON) response that fails before delivering its first
   * byte (a dropped connection, or silence past the idle timeout) is requested again. Once a byte has
   * been delivered the stream is the caller's and is never replayed. Default 5.
   */
  streamMaxRetries?: number | undefined;
  compression?: PrepareBodyOptions['compression'] | undefined;
  fetch?: typeof fetch | undefined;
  /** Called once per attempt, for metrics and tests. */
  onAttempt?:
    | ((event: { attempt: number; status?: number; error?: string; recovered: boolean }) => void)
    | undefined;
  /** Called before every wait between two attempts, with its length and cause, e.g. to tell a user. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}
