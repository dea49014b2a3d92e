import { startLoopbackServer } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { signRequest } from './signRequest.js';
import { verifySigV4Request } from './verifySigV4Request.js';

const credentials = {
  accessKeyId: 'AKIDVERIFY0000000000',
  secretAccessKey: 'verify-secret-key-000000000000000000000',
};
const options = { credentials, region: 'us-east-1', services: ['bedrock-mantle', 'bedrock'] };
const url = 'http://127.0.0.1:8123/openai/v1/responses?model=a:b&x=1&x=2';

async function received(
  overrides: { service?: string; signingDate?: Date; body?: string; sessionToken?: string } = {},
) {
  const signed = await signRequest(
    {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'x-extra': 'v' },
      body: overrides.body ?? '{"a":1}',
    },
    {
      region: 'us-east-1',
      service: overrides.service ?? 'bedrock-mantle',
      credentials: {
        ...credentials,
        ...(overrides.sessionToken ? { sessionToken: overrides.sessionToken } : {}),
      },
      ...(overrides.signingDate ? { signingDate: overrides.signingDate } : {}),
    },
  );
  return {
    method: 'POST',
    target: '/openai/v1/responses?model=a:b&x=1&x=2',
    headers: signed.headers,
    body: '{"a":1}',
  };
}

describe('verifySigV4Request', () => {
  it('accepts what signRequest signed, recomputing the signature from the raw request', async () => {
    expect(await verifySigV4Request(await received(), options)).toEqual({
      ok: true,
      accessKeyId: credentials.accessKeyId,
      region: 'us-east-1',
      service: 'bedrock-mantle',
    });
  });

  it('rejects a changed body, an unknown key, a wrong scope, a stale date and a missing signature', async () => {
    const tampered = await received({ body: '{"a":2}' });
    expect(await verifySigV4Request(tampered, options)).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
    const otherKey = { ...options, credentials: { ...credentials, accessKeyId: 'AKIDOTHER00000000000' } };
    expect(await verifySigV4Request(await received(), otherKey)).toMatchObject({
      code: 'UnrecognizedClientException',
    });
    expect(await verifySigV4Request(await received({ service: 's3' }), options)).toMatchObject({
      code: 'InvalidSignatureException',
    });
    const old = await received({ signingDate: new Date(Date.now() - 6 * 60 * 1000) });
    const stale = await verifySigV4Request(old, options);
    expect(stale).toMatchObject({ ok: false, code: 'InvalidSignatureException' });
    expect(stale.ok ? '' : stale.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is more than 5 minutes away/,
    );
    // A custom limit is the one the message names.
    const strict = await verifySigV4Request(await received({ signingDate: new Date(Date.now() - 120_000) }), {
      ...options,
      maxSkewMs: 90_000,
    });
    expect(strict.ok ? '' : strict.message).toMatch(/is more than 90 seconds away from the server time\.$/);
    const unsigned = { ...(await received()), headers: { host: '127.0.0.1:8123' } };
    expect(await verifySigV4Request(unsigned, options)).toMatchObject({
      code: 'IncompleteSignatureException',
    });
  });

  it('checks the session token of temporary credentials, and refuses one sent with long-term keys', async () => {
    const token = 'session-token-verify-0001';
    const temporary = { ...options, credentials: { ...credentials, sessionToken: token } };
    expect(await verifySigV4Request(await received({ sessionToken: token }), temporary)).toMatchObject({
      ok: true,
    });
    const invalid = { ok: false, code: 'UnrecognizedClientException' };
    expect(await verifySigV4Request(await received({ sessionToken: 'other-token' }), temporary)).toEqual({
      ...invalid,
      message: 'The security token included in the request is invalid.',
    });
    expect(await verifySigV4Request(await received(), temporary)).toMatchObject(invalid);
    expect(await verifySigV4Request(await received({ sessionToken: token }), options)).toMatchObject(invalid);
    // The token is signed: one swapped in afterwards fails the signature, not just the token check.
    const swapped = await received({ sessionToken: 'other-token' });
    swapped.headers['x-amz-security-token'] = token;
    expect(await verifySigV4Request(swapped, temporary)).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('never puts the secret key in a verdict', async () => {
    const verdicts = await Promise.all([
      verifySigV4Request(await received({ body: 'x' }), options),
      verifySigV4Request(await received(), options),
    ]);
    expect(JSON.stringify(verdicts)).not.toContain(credentials.secretAccessKey);
  });
});

describe('verifySigV4Request: edge cases', () => {
  const sign = (target: string, headers: Record<string, string> = {}, host = '127.0.0.1:8123') =>
    signRequest(
      { method: 'POST', url: `http://${host}${target}`, headers, body: '{}' },
      { region: 'us-east-1', service: 'bedrock', credentials },
    );

  it('verifies a request received over a real socket with `_` and `.` in signed header names', async () => {
    const server = await startLoopbackServer((_req, res) => res.end());
    try {
      const target = '/openai/v1/chat/completions?b=2&a=1&a=0';
      const signed = await sign(target, { x_custom_thing: '1', 'x.dotted': '2' }, server.origin.slice(7));
      const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: '{}' });
      await response.text();
      const got = server.received[0];
      if (!got) throw new Error('no request received');
      expect(String(got.headers.authorization)).toContain('x.dotted;x_custom_thing');
      expect(await verifySigV4Request(got, options)).toMatchObject({ ok: true, service: 'bedrock' });
    } finally {
      await server.close();
    }
  });

  it('answers a request it cannot canonicalize with a verdict instead of throwing', async () => {
    const signed = await sign('/a');
    for (const request of [
      { method: 'POST', target: '/a', headers: { ...signed.headers, host: 'bad host' }, body: '{}' },
      { method: '', target: '/a', headers: signed.headers, body: '{}' },
      { method: 'POST', target: 'http://other.example/a', headers: signed.headers, body: '{}' },
    ]) {
      const verdict = await verifySigV4Request(request, options);
      expect(verdict.ok).toBe(false);
    }
  });

  it('rejects an Authorization header whose SignedHeaders list was altered', async () => {
    const signed = await sign('/a', { 'x-extra': 'v' });
    const authorization = signed.headers.authorization ?? '';
    for (const altered of [
      authorization.replace('SignedHeaders=', 'SignedHeaders=a-missing;'),
      authorization.replace('SignedHeaders=', 'SignedHeaders=connection;'),
    ]) {
      const request = {
        method: 'POST',
        target: '/a',
        headers: { ...signed.headers, connection: 'close', authorization: altered },
        body: '{}',
      };
      expect(await verifySigV4Request(request, options)).toMatchObject({
        ok: false,
        code: 'SignatureDoesNotMatch',
      });
    }
  });

  it('takes the Host header as received, keeping an explicit port', async () => {
    // https on port 80 (and http on 443) keep their port in the signed host.
    const signed = await signRequest(
      { method: 'GET', url: 'https://h.example:80/a', headers: {} },
      { region: 'us-east-1', service: 'bedrock', credentials },
    );
    expect(signed.headers.host).toBe('h.example:80');
    const request = { method: 'GET', target: '/a', headers: signed.headers, body: '' };
    expect(await verifySigV4Request(request, options)).toMatchObject({ ok: true });
  });
});
