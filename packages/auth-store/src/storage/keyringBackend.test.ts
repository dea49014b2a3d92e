import { describe, expect, it } from 'vitest';
import { joinValue, splitValue } from './keyringBackend.js';

describe('keyring value splitting', () => {
  it('keeps short values whole and round-trips long ones', () => {
    expect(splitValue('{"a":1}', 100)).toEqual(['{"a":1}']);
    const long = `{"OPENAI_API_KEY":"${'k'.repeat(95)}"}`;
    const parts = splitValue(long, 30);
    expect(parts).toHaveLength(5);
    expect(parts.slice(1).every((p) => p.length <= 30)).toBe(true);
    expect(joinValue(parts[0] as string, (i) => parts[i], 'entry')).toBe(long);
  });

  it('reports missing or mismatched parts as KEYRING_CORRUPT', () => {
    const parts = splitValue('x'.repeat(50), 20);
    expect(() => joinValue(parts[0] as string, (i) => (i === 2 ? undefined : parts[i]), 'entry')).toThrow(
      expect.objectContaining({ code: 'KEYRING_CORRUPT', message: 'entry is missing part 2 of 3' }),
    );
    expect(() => joinValue(parts[0] as string, (i) => (i === 3 ? 'yy' : parts[i]), 'entry')).toThrow(
      expect.objectContaining({ code: 'KEYRING_CORRUPT' }),
    );
  });
});
