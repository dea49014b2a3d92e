/**
 * Waits for `work` on behalf of one caller: settles as it does, or rejects with the signal's reason
 * (an `AbortError` unless the caller gave another, as fetch does) as soon as `signal` aborts. The
 * work itself is not cancelled: whatever it shares with other callers goes on for them, and its
 * outcome is then ignored here. Given a function, the work is not started when the signal has
 * already aborted.
 * @public
 */
export function untilAborted<T>(
  work: Promise<T> | (() => Promise<T>),
  signal: AbortSignal | undefined,
): Promise<T> {
  if (signal?.aborted) {
    if (typeof work !== 'function') work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  let running: Promise<T>;
  try {
    running = typeof work === 'function' ? work() : work;
  } catch (error) {
    return Promise.reject(error);
  }
  if (signal === undefined) return running;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      running.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    running.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
