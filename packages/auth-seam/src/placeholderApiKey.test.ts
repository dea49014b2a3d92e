import { describe, expect, it } from 'vitest';
import { isPlaceholderAuthorization, PLACEHOLDER_API_KEY } from './placeholderApiKey.js';

describe('isPlaceholderAuthorization', () => {
  it('recognises the bearer header a client derives from the placeholder key, and nothing else', () => {
    expect(isPlaceholderAuthorization(`Bearer ${PLACEHOLDER_API_KEY}`)).toBe(true);
    expect(isPlaceholderAuthorization(` bearer  ${PLACEHOLDER_API_KEY} `)).toBe(true);
    expect(isPlaceholderAuthorization('Bearer unused')).toBe(false);
    expect(isPlaceholderAuthorization(`Basic ${PLACEHOLDER_API_KEY}`)).toBe(false);
    expect(isPlaceholderAuthorization(`Bearer ${PLACEHOLDER_API_KEY}x`)).toBe(false);
    expect(isPlaceholderAuthorization(undefined)).toBe(false);
  });
});
