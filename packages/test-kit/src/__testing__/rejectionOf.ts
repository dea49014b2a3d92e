import { expect } from 'vitest';
import type { ErrorClass } from './thrownBy.js';

/**
 * What `promise` rejects with. Fails the test when it resolves instead, so no assertion on the error
 * is skipped silently; with `type`, also fails unless the error is an instance of it.
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown>;
export async function rejectionOf<E>(promise: Promise<unknown>, type: ErrorClass<E>): Promise<E>;
export async function rejectionOf<E>(promise: Promise<unknown>, type?: ErrorClass<E>): Promise<unknown> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error('expected a rejection, but the promise resolved');
  if (type) expect(outcome.error).toBeInstanceOf(type);
  return outcome.error;
}
