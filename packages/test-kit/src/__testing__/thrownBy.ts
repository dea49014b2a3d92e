import { expect } from 'vitest';

/** A class an error is checked against: an error class with any constructor. */
export type ErrorClass<E> = abstract new (...args: never[]) => E;

/**
 * What `run` throws. Fails the test when `run` returns instead, so no assertion on the error is
 * skipped silently; with `type`, also fails unless the error is an instance of it.
 */
export function thrownBy(run: () => unknown): unknown;
export function thrownBy<E>(run: () => unknown, type: ErrorClass<E>): E;
export function thrownBy<E>(run: () => unknown, type?: ErrorClass<E>): unknown {
  try {
    run();
  } catch (error) {
    if (type) expect(error).toBeInstanceOf(type);
    return error;
  }
  throw new Error('expected a failure, but nothing was thrown');
}
