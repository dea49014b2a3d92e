import { describe, expect, it } from 'vitest';
import { isHeaderName, isHeaderValue } from './headerSafety.js';

function platformAccepts(value: string): boolean {
  try {
    new Headers().set('x-probe', value);
    return true;
  } catch {
    return false;
  }
}

describe('isHeaderValue', () => {
  it('refuses every character the platform refuses, and the other control characters too', () => {
    const refusedByUs: number[] = [];
    for (let code = 0; code < 0x200; code++) {
      const value = `a${String.fromCharCode(code)}b`;
      if (!platformAccepts(value)) expect(isHeaderValue(value), `U+${code.toString(16)}`).toBe(false);
      if (!isHeaderValue(value)) refusedByUs.push(code);
    }
    const controls = [...Array(0x20).keys()].filter((code) => code !== 0x09);
    expect(refusedByUs).toEqual([...controls, 0x7f, ...Array.from({ length: 0x100 }, (_, i) => 0x100 + i)]);
  });

  it('accepts realistic credentials and an empty value', () => {
    for (const value of ['Bearer sk-proj-abc_DEF-123', 'AWS4-HMAC-SHA256 Credential=AKIA/x', 'a=b; c', ''])
      expect(isHeaderValue(value)).toBe(true);
  });
});

describe('isHeaderName', () => {
  it('accepts tokens and refuses separators, spaces, controls and the empty name', () => {
    for (const name of ['authorization', 'X-Api-Key', "a!#$%&'*+-.^_`|~9"])
      expect(isHeaderName(name)).toBe(true);
    for (const name of ['', 'a b', 'a:b', 'a\r\nb', 'ä', 'a(b)', 'a"b'])
      expect(isHeaderName(name)).toBe(false);
  });
});
