import { describe, expect, it } from 'vitest';
import { untilAborted } from './untilAborted.js';

function gate<T>(): { promise: Promise<T>; open(value: T): void; fail(error: unknown): void } {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('untilAborted', () => {
  it('rejects one caller with the abort reason while the shared work goes on for another', async () => {
    const shared = gate<string>();
    const controller = new AbortController();
    const first = untilAborted(shared.promise, controller.signal);
    const second = untilAborted(shared.promise, new AbortController().signal);
    controller.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    shared.open('token');
    await expect(second).resolves.toBe('token');
  });

  it('passes the result and the failure of the work through, and keeps a custom reason', async () => {
    await expect(untilAborted(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1);
    await expect(untilAborted(Promise.reject(new Error('boom')), undefined)).rejects.toThrow('boom');
    const controller = new AbortController();
    const pending = untilAborted(new Promise(() => undefined), controller.signal);
    controller.abort(new Error('user gave up'));
    await expect(pending).rejects.toThrow('user gave up');
  });

  it('does not start work given as a function when the signal has already aborted', async () => {
    let started = 0;
    const work = async (): Promise<number> => ++started;
    await expect(untilAborted(work, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toBe(0);
    await expect(untilAborted(work, undefined)).resolves.toBe(1);
  });

  it('turns a function that throws at once into a rejection', async () => {
    const work = (): Promise<number> => {
      throw new Error('sync');
    };
    await expect(untilAborted(work, new AbortController().signal)).rejects.toThrow('sync');
  });

  it('leaves no unhandled rejection when the abandoned work fails later', async () => {
    const shared = gate<string>();
    const controller = new AbortController();
    const pending = untilAborted(shared.promise, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    shared.fail(new Error('late'));
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
