import { renderings, thrownBy } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { CommandTokenError } from '../errors.js';
import { parseOutput } from './parseOutput.js';

const now = Date.UTC(2026, 0, 1);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const json = (value: unknown): Uint8Array => bytes(JSON.stringify(value));

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CommandTokenError);
    return (error as CommandTokenError).code;
  }
  return 'no error';
}

describe('parseOutput', () => {
  it('text: the whole trimmed stdout, a UTF-8 BOM dropped', () => {
    expect(parseOutput(bytes('\ufeff abc.def-_~+/= \r\n'), 'text', 'cmd', now)).toEqual({
      token: 'abc.def-_~+/=',
    });
  });

  it('json: token with RFC 3339 (Z, offset, fraction) or epoch-seconds expiry, or none', () => {
    expect(parseOutput(json({ token: 't', expires_at: '2026-01-01T01:00:00Z' }), 'json', 'cmd', now)).toEqual(
      {
        token: 't',
        expiresAt: now + 3600_000,
      },
    );
    expect(
      parseOutput(json({ token: 't', expires_at: '2026-01-01T02:00:00.5+01:00' }), 'json', 'cmd', now),
    ).toEqual({
      token: 't',
      expiresAt: now + 3600_500,
    });
    expect(parseOutput(json({ token: 't', expires_at: now / 1000 + 60 }), 'json', 'cmd', now).expiresAt).toBe(
      now + 60_000,
    );
    expect(
      parseOutput(json({ token: 't', expires_at: String(now / 1000 + 60) }), 'json', 'cmd', now).expiresAt,
    ).toBe(now + 60_000);
    expect(parseOutput(json({ token: 't' }), 'json', 'cmd', now)).toEqual({ token: 't' });
  });

  it('json: a Kubernetes ExecCredential, with or without expirationTimestamp', () => {
    const credential = {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
      status: { token: 'k8s', expirationTimestamp: '2026-01-01T00:10:00Z' },
    };
    expect(parseOutput(json(credential), 'json', 'cmd', now)).toEqual({
      token: 'k8s',
      expiresAt: now + 600_000,
    });
    expect(parseOutput(json({ ...credential, status: { token: 'k8s' } }), 'json', 'cmd', now)).toEqual({
      token: 'k8s',
    });
  });

  it('fails with stable codes', () => {
    expect(code(() => parseOutput(new Uint8Array([0xc3, 0x28]), 'text', 'cmd', now))).toBe('NON_UTF8');
    expect(code(() => parseOutput(bytes('  '), 'text', 'cmd', now))).toBe('EMPTY_TOKEN');
    expect(code(() => parseOutput(bytes('a b'), 'text', 'cmd', now))).toBe('INVALID_TOKEN');
    expect(code(() => parseOutput(bytes(''), 'json', 'cmd', now))).toBe('EMPTY_TOKEN');
    expect(code(() => parseOutput(bytes('tok'), 'json', 'cmd', now))).toBe('INVALID_JSON');
    expect(code(() => parseOutput(json(['t']), 'json', 'cmd', now))).toBe('INVALID_JSON');
    expect(code(() => parseOutput(json({ access_token: 't' }), 'json', 'cmd', now))).toBe('INVALID_JSON');
    expect(code(() => parseOutput(json({ token: 5 }), 'json', 'cmd', now))).toBe('INVALID_JSON');
    expect(code(() => parseOutput(json({ token: '' }), 'json', 'cmd', now))).toBe('EMPTY_TOKEN');
    expect(code(() => parseOutput(json({ token: 't', expires_at: 'tomorrow' }), 'json', 'cmd', now))).toBe(
      'INVALID_JSON',
    );
    expect(
      code(() => parseOutput(json({ token: 't', expires_at: '2025-12-31T23:59:59Z' }), 'json', 'cmd', now)),
    ).toBe('EXPIRED_OUTPUT');
  });

  it('json: an epoch above 1e12 is read as milliseconds, in a number or a string', () => {
    const inAnHour = now + 3600_000;
    expect(parseOutput(json({ token: 't', expires_at: inAnHour }), 'json', 'cmd', now).expiresAt).toBe(
      inAnHour,
    );
    expect(
      parseOutput(json({ token: 't', expires_at: String(inAnHour) }), 'json', 'cmd', now).expiresAt,
    ).toBe(inAnHour);
    const credential = { kind: 'ExecCredential', status: { token: 'k', expirationTimestamp: inAnHour } };
    expect(parseOutput(json(credential), 'json', 'cmd', now).expiresAt).toBe(inAnHour);
  });

  // Each value is the JSON literal the command prints.
  it.each([
    ['a huge number', '1e300'],
    ['a number JSON reads as Infinity', '1e999'],
    ['a digit string too long for a number', `"${'9'.repeat(400)}"`],
    ['zero', '0'],
    ['a negative number', '-60'],
    ['a negative string', '"-60"'],
    ['seconds past the year 9999', '253402300800'],
    ['milliseconds past the year 9999', '253402300800000'],
    ['a date past the year 9999', '"9999-12-31T23:30:00-01:00"'],
    ['a date before 2000', '"1999-12-31T23:59:59Z"'],
    ['seconds before 2000', '946684799'],
  ])(
    'json: refuses %s as an expiry (INVALID_EXPIRY), as expires_at and expirationTimestamp',
    (_what, literal) => {
      const plain = bytes(`{"token":"t","expires_at":${literal}}`);
      expect(code(() => parseOutput(plain, 'json', 'cmd', now))).toBe('INVALID_EXPIRY');
      const k8s = bytes(`{"kind":"ExecCredential","status":{"token":"t","expirationTimestamp":${literal}}}`);
      expect(code(() => parseOutput(k8s, 'json', 'cmd', now))).toBe('INVALID_EXPIRY');
    },
  );

  it('never puts the output in a message (and every input here is refused)', () => {
    for (const [text, mode] of [
      ['{"token": "secret-in-broken-json', 'json'],
      ['secret with spaces', 'text'],
      ['{"token":"secret-x","expires_at":"soon"}', 'json'],
    ] as const) {
      const error = thrownBy(() => parseOutput(bytes(text), mode, 'cmd', now));
      expect(error).toBeInstanceOf(CommandTokenError);
      for (const shown of renderings(error)) expect(shown).not.toContain('secret');
    }
  });
});
