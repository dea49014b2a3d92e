import { describe, expect, it } from 'vitest';
import { bearerOf } from './bearerOf.js';

describe('bearerOf', () => {
  it('reads the token whatever the header case and spacing', () => {
    expect(bearerOf({ Authorization: 'Bearer abc' })).toBe('abc');
    expect(bearerOf({ authorization: '  bearer   xyz  ' })).toBe('xyz');
  });

  it('is undefined for another scheme, a missing header or a token with spaces', () => {
    expect(bearerOf({ authorization: 'Basic abc' })).toBeUndefined();
    expect(bearerOf({ 'x-api-key': 'Bearer abc' })).toBeUndefined();
    expect(bearerOf({ authorization: 'Bearer a b' })).toBeUndefined();
  });
});
