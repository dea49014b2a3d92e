import { backoffDelay, type FailedResponse, type RetryEvent, retryAfterMs, untilAborted } from '@x/auth-seam';

/** The first backoff between two attempts; it doubles with every retry, with jitter. */
const BASE_DELAY_MS = 200;
/** The longest backoff between two attempts. */
const MAX_DELAY_MS = 10_000;

/**
 * How long to wait before retry number `retry`: what the failed response's `retry-after-ms` or
 * `retry-after` asks for (up to 60 s), else jittered exponential backoff.
 */
export function retryWait(
  retry: number,
  headers?: FailedResponse['headers'],
): Pick<RetryEvent, 'delayMs' | 'delaySource'> {
  const asked = headers === undefined ? undefined : retryAfterMs(headers);
  if (asked !== undefined) return { delayMs: asked, delaySource: 'server' };
  return { delayMs: backoffDelay(retry, BASE_DELAY_MS, MAX_DELAY_MS), delaySource: 'backoff' };
}

/** Resolves after `ms`; rejects with the signal's reason as soon as it aborts (the timer is then cleared). */
export async function waitOrAbort(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await untilAborted(() => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal);
  } finally {
    clearTimeout(timer);
  }
}
