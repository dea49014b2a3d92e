import { describe, expect, it } from 'vitest';
import { rejectionOf } from './rejectionOf.js';
import { thrownBy } from './thrownBy.js';

const failure = new RangeError('out of range');

describe('thrownBy and rejectionOf', () => {
  it('give back the error thrown or rejected with', async () => {
    expect(
      thrownBy(() => {
        throw failure;
      }, RangeError),
    ).toBe(failure);
    expect(await rejectionOf(Promise.reject(failure), RangeError)).toBe(failure);
    expect(await rejectionOf(Promise.reject('not an error'))).toBe('not an error');
  });

  it('fail the test when nothing fails, or the error is of another class', async () => {
    expect(() => thrownBy(() => 'fine')).toThrow('nothing was thrown');
    await expect(rejectionOf(Promise.resolve('fine'))).rejects.toThrow('the promise resolved');
    expect(() =>
      thrownBy(() => {
        throw failure;
      }, TypeError),
    ).toThrow(/TypeError/);
    await expect(rejectionOf(Promise.reject(failure), TypeError)).rejects.toThrow(/TypeError/);
  });
});
