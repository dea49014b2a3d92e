/**
 * One wait between two attempts of a request, reported to `onRetry` before the wait begins so that
 * a CLI can say so (`retrying in 2.0 s after 503, retry 1 of 4`).
 * @public
 */
export interface RetryEvent {
  /** The retry about to be made: 1 for the first. The request has then been sent `attempt` times. */
  attempt: number;
  /** The most retries of this kind: `request_max_retries`, or `stream_max_retries` for `stream`. */
  maxRetries: number;
  /** How long the pipeline waits before sending again. */
  delayMs: number;
  /** `server` when the response's `retry-after-ms` or `retry-after` set the wait, else `backoff`. */
  delaySource: 'server' | 'backoff';
  /** The status that is retried, when a response came. */
  status?: number | undefined;
  /**
   * Why: an error `status` (408, 409, 429, 5xx, or one the server marked `x-should-retry: true`), a
   * `transport` failure, a `response-timeout` (no headers within `stream_idle_timeout_ms`), or a
   * `stream` that failed before its first byte.
   */
  reason: 'status' | 'transport' | 'response-timeout' | 'stream';
}
