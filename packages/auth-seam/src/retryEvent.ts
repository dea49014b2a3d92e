/**
 * One wait between two attempts of a request, reported to an `onRetry` callback before the wait
 * begins so that a CLI can say so (`retrying in 2.0 s after 503 (attempt 2 of 5)`). The request
 * pipeline of `@x/model-provider` and `createBedrockFetch` of `@x/aws-auth` both report this shape.
 * @public
 */
export interface RetryEvent {
  /** The retry about to be made: 1 for the first. The request has then been sent `attempt` times. */
  attempt: number;
  /** The most retries of this kind (a pipeline's `request_max_retries`, a fetch's `maxRetries`...). */
  maxRetries: number;
  /** How long the caller waits before sending again. */
  delayMs: number;
  /** `server` when the response's `retry-after-ms` or `retry-after` set the wait, else `backoff`. */
  delaySource: 'server' | 'backoff';
  /** The status that is retried, when a response came. */
  status?: number | undefined;
  /**
   * Why: an error `status` (408, 409, 429, 5xx, or one the server marked `x-should-retry: true`), a
   * `transport` failure, a `response-timeout` (no response headers in time), or a `stream` that
   * failed before its first byte. The last two come from the model-provider pipeline only.
   */
  reason: 'status' | 'transport' | 'response-timeout' | 'stream';
}
