import type { AuthSource, RetryEvent } from '@x/auth-seam';
import type { PrepareBodyOptions } from './prepareBodyForSend.js';

/**
 * Options of {@link createProviderFetch}.
 * @public
 */
export interface ProviderFetchOptions {
  /** Requests may only go to this origin: credentials are never attached to another one. */
  baseUrl: string;
  /** Authorizes every attempt and may mend a 400, 401 or 403 once; without it requests go as they are. */
  auth?: AuthSource | undefined;
  /** Query parameters added to every request URL that does not set them already. */
  queryParams?: Record<string, string> | undefined;
  /** Headers added to every request; they replace a caller's header of the same name. */
  httpHeaders?: Record<string, string> | undefined;
  /** header name -> environment variable; skipped when unset or blank. */
  envHttpHeaders?: Record<string, string> | undefined;
  /** Where `envHttpHeaders` variables are read, on every request (default `process.env`). */
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
  /** `gzip` compresses bodies of 1 KiB or more once, before they are authorized; default `none`. */
  compression?: PrepareBodyOptions['compression'] | undefined;
  /** The transport every attempt is sent with (default `globalThis.fetch`). */
  fetch?: typeof fetch | undefined;
  /** Called once per attempt, for metrics and tests. */
  onAttempt?:
    | ((event: { attempt: number; status?: number; error?: string; recovered: boolean }) => void)
    | undefined;
  /** Called before every wait between two attempts, with its length and cause, e.g. to tell a user. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}
