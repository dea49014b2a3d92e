import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { withinDeadline } from './withinDeadline.js';

describe('withinDeadline', () => {
  it('gives back what the work settles with', async () => {
    await expect(withinDeadline('quick work', async () => 42)).resolves.toBe(42);
    await expect(withinDeadline('failing work', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });

  it('fails naming the work and aborts its signal when it never settles', async () => {
    let signal: AbortSignal | undefined;
    const outcome = withinDeadline(
      'the stuck work',
      (given) => {
        signal = given;
        return new Promise<never>(() => {});
      },
      20,
    );
    const error = await outcome.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssertionError);
    expect((error as Error).message).toContain('the stuck work');
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(error);
  });
});
