import { AssertionError } from 'node:assert';

/**
 * Runs `work` and fails with an assertion-style error naming `what` if it has not settled after `ms`;
 * the signal it was given is then aborted, so a request caught in a loop stops instead of running on
 * in the background. Only a guard against hangs and unbounded work (a recovery or retry that loops):
 * give it a deadline far beyond what the work needs, and assert on what happened, never on the time
 * it took.
 */
export async function withinDeadline<T>(
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
  ms = 10_000,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new AssertionError({
        message: `expected ${what} to settle by itself; still running after ${ms} ms`,
      });
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), late]);
  } finally {
    clearTimeout(timer);
  }
}
