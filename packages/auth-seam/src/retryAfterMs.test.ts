import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from './retryAfterMs.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const clock = (): number => NOW;

describe('retryAfterMs', () => {
  it('reads retry-after-ms first, rounding a fraction up', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '3' }), clock)).toBe(250);
    expect(retryAfterMs({ 'Retry-After-Ms': '12.2' }, clock)).toBe(13);
  });

  it('reads retry-after as seconds, and as an HTTP date against the clock (a past date is 0)', () => {
    expect(retryAfterMs({ 'retry-after': '1' }, clock)).toBe(1000);
    expect(retryAfterMs({ 'retry-after': '0.5' }, clock)).toBe(500);
    expect(retryAfterMs({ 'retry-after': new Date(NOW + 7000).toUTCString() }, clock)).toBe(7000);
    expect(retryAfterMs({ 'retry-after': new Date(NOW - 7000).toUTCString() }, clock)).toBe(0);
  });

  it('falls back to retry-after when retry-after-ms is not a number', () => {
    expect(retryAfterMs({ 'retry-after-ms': 'soon', 'retry-after': '2' }, clock)).toBe(2000);
  });

  it('ignores waits above 60 s, negative or garbled values, and absent headers', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
    expect(retryAfterMs({ 'retry-after': '60' }, clock)).toBe(60_000);
    expect(retryAfterMs({ 'retry-after': '61' }, clock)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after-ms': '60001' }, clock)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': new Date(NOW + 120_000).toUTCString() }, clock)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': '-1' }, clock)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'tomorrow-ish' }, clock)).toBeUndefined();
    expect(retryAfterMs({}, clock)).toBeUndefined();
    expect(retryAfterMs(new Headers(), clock)).toBeUndefined();
  });
});
