import { backoffDelay } from '@x/auth-seam';
import type { CommandTokenError } from '../errors.js';

/** The failure backoff of one source: consecutive failures, the last error, and until when it holds. */
export interface Backoff {
  /** Records a failed run: how many failures in a row now, and how long runs wait. */
  failed(error: CommandTokenError): { failures: number; delayMs: number };
  /** A successful run resets the backoff. */
  succeeded(): void;
  /** While the backoff holds: the last error and how long until a run may start again. */
  pending(): { error: CommandTokenError; retryInMs: number } | undefined;
}

/**
 * Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and all
 * of `initialMs * 2^(n-1)`, capped at `maxMs`.
 */
export function createBackoff(options: {
  initialMs: number;
  maxMs: number;
  now: () => number;
  random: () => number;
}): Backoff {
  let consecutive = 0;
  let until = 0;
  let lastError: CommandTokenError | undefined;
  return {
    failed(error) {
      consecutive++;
      const delayMs = backoffDelay(consecutive, options.initialMs, options.maxMs, options.random);
      until = options.now() + delayMs;
      lastError = error;
      return { failures: consecutive, delayMs };
    },
    succeeded() {
      consecutive = 0;
      until = 0;
      lastError = undefined;
    },
    pending() {
      if (lastError === undefined) return undefined;
      const now = options.now();
      return now < until ? { error: lastError, retryInMs: until - now } : undefined;
    },
  };
}
