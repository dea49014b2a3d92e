import { backoffDelay, type FailedResponse, type RetryEvent, retryAfterMs } from '@x/auth-seam';

/** The longest backoff between two attempts. */
export const MAX_BACKOFF_MS = 10_000;

/**
 * How long to wait before retry number `retry`: what the response's `retry-after-ms` or
 * `retry-after` asks for (up to 60 s), else jittered exponential backoff from `baseDelayMs`.
 */
export function retryDelay(
  retry: number,
  baseDelayMs: number,
  headers?: FailedResponse['headers'],
): Pick<RetryEvent, 'delayMs' | 'delaySource'> {
  const asked = headers === undefined ? undefined : retryAfterMs(headers);
  if (asked !== undefined) return { delayMs: asked, delaySource: 'server' };
  return { delayMs: backoffDelay(retry, baseDelayMs, MAX_BACKOFF_MS), delaySource: 'backoff' };
}
