import { describe, expect, it } from 'vitest';
import { redactExcerpt } from './redact.js';

describe('redactExcerpt', () => {
  it('keeps plain hints and drops known secrets and token-shaped runs', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const text = [
      'error: session expired, run `sso login --profile dev`',
      `jwt ${jwt}`,
      'hex 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'key AKIAIOSFODNN7EXAMPLE2 here',
      'Authorization: Bearer opaque',
      'api_key=zzz password: hunter2',
      'current the-cached-token-value',
    ].join('\n');
    const out = redactExcerpt(text, ['the-cached-token-value']) ?? '';
    expect(out).toContain('session expired, run `sso login --profile dev`');
    for (const secret of [
      jwt,
      '9f86d081884c7d659a2f',
      'AKIAIOSFODNN7EXAMPLE2',
      'opaque',
      'zzz',
      'hunter2',
      'the-cached',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).not.toContain('\n');
  });

  it('removes every line of a multi-line secret, strips control characters and cuts long text', () => {
    expect(redactExcerpt('a\u0007b first-line-secret', ['first-line-secret\nsecond-line-secret'])).toBe(
      'a b [REDACTED]',
    );
    const long = redactExcerpt('word '.repeat(200), []) ?? '';
    expect(long.length).toBeLessThanOrEqual(301);
    expect(redactExcerpt(' \n\t', [])).toBeUndefined();
  });
});
