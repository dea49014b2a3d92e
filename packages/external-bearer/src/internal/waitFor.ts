import { CommandTokenError } from '../commandTokenError.js';

/**
 * Waits for a shared promise on behalf of one caller: an abort rejects only this caller's wait
 * (code ABORTED); the shared run goes on for everybody else.
 */
export function waitFor<T>(shared: Promise<T>, signal: AbortSignal | undefined, label: string): Promise<T> {
  if (signal === undefined) return shared;
  const aborted = (): CommandTokenError =>
    new CommandTokenError('ABORTED', `waiting for provider auth command \`${label}\` was aborted`, {
      cause: signal.reason,
    });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
