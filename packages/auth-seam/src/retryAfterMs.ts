import type { FailedResponse } from './httpRequest.js';
import { headerValue } from './internal/headerValue.js';

/**
 * The longest wait a server may ask for with `retry-after-ms` or `retry-after`; a longer one is
 * ignored and the caller's own backoff used instead.
 * @public
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** A non-negative decimal number, as `retry-after-ms` and the seconds form of `retry-after` hold. */
const DECIMAL = /^\d+(\.\d+)?$/;
/** Every HTTP date form starts with the day's name ("Sun, 06 Nov 1994 08:49:37 GMT"). */
const HTTP_DATE = /^[A-Za-z]{3}/;

/**
 * How long the server asks a client to wait before retrying, in milliseconds: `retry-after-ms`
 * when it holds a number, else `retry-after` as seconds or as an HTTP date (a date already past
 * means 0). `undefined` when neither says anything usable or the wait exceeds
 * {@link MAX_RETRY_AFTER_MS}: the caller then uses its own backoff. `now` is injectable for tests.
 * @public
 */
export function retryAfterMs(
  headers: FailedResponse['headers'],
  now: () => number = Date.now,
): number | undefined {
  const wait = requestedWait(headers, now);
  return wait !== undefined && wait <= MAX_RETRY_AFTER_MS ? wait : undefined;
}

function requestedWait(headers: FailedResponse['headers'], now: () => number): number | undefined {
  const millis = headerValue(headers, 'retry-after-ms')?.trim();
  if (millis && DECIMAL.test(millis)) return Math.ceil(Number(millis));
  const after = headerValue(headers, 'retry-after')?.trim();
  if (!after) return undefined;
  if (DECIMAL.test(after)) return Math.ceil(Number(after) * 1000);
  const date = HTTP_DATE.test(after) ? Date.parse(after) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now());
}
