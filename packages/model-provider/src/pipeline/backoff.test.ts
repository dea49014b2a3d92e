import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles from the base delay, caps at the maximum, and jitters within the upper half', () => {
    const low = () => 0;
    const high = () => 0.999_999;
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, 200, 10_000, low))).toEqual([
      100, 200, 400, 800,
    ]);
    expect(backoffDelay(0, 200, 10_000, high)).toBeCloseTo(200, 1);
    expect(backoffDelay(3, 200, 10_000, high)).toBeCloseTo(1600, 1);
    expect(backoffDelay(20, 200, 10_000, low)).toBe(5_000);
    expect(backoffDelay(20, 200, 10_000, high)).toBeCloseTo(10_000, 0);
    for (let attempt = 0; attempt < 8; attempt++) {
      const delay = backoffDelay(attempt, 200);
      const ceiling = Math.min(10_000, 200 * 2 ** attempt);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });
});
