/**
 * The result of `work`, unless `signal` aborts first: then a rejection with the signal's reason (an
 * `AbortError` DOMException unless the caller gave another), as fetch rejects. `work` is not
 * cancelled: a lookup it shares with other callers (memoized credentials) keeps going for them. With
 * a signal that has already aborted, `work` is not started.
 */
export function abortable<T>(work: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work();
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal.removeEventListener('abort', onAbort);
    let running: Promise<T>;
    try {
      running = work();
    } catch (error) {
      settle();
      reject(error);
      return;
    }
    running.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
