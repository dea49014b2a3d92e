import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoffDelay.js';

describe('backoffDelay', () => {
  it('doubles from the first retry and stays between half and all of its ceiling', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, 100, 10_000, () => 1))).toEqual([
      100, 200, 400, 800,
    ]);
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, 100, 10_000, () => 0))).toEqual([
      50, 100, 200, 400,
    ]);
  });

  it('is capped, and treats retry 0 or a huge retry count sanely', () => {
    expect(backoffDelay(50, 100, 3_000, () => 1)).toBe(3_000);
    expect(backoffDelay(0, 100, 3_000, () => 1)).toBe(100);
    expect(backoffDelay(2, 100, 3_000, () => 7)).toBe(200);
  });
});
