import { describe, expect, it } from 'vitest';
import { signRequest } from './signRequest.js';
import { verifySigV4Request } from './verifySigV4Request.js';

const credentials = {
  accessKeyId: 'AKIDVERIFY0000000000',
  secretAccessKey: 'verify-secret-key-000000000000000000000',
};
const options = { credentials, region: 'us-east-1', services: ['bedrock-mantle', 'bedrock'] };
const url = 'http://127.0.0.1:8123/openai/v1/responses?model=a:b&x=1&x=2';

async function received(overrides: { service?: string; signingDate?: Date; body?: string } = {}) {
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
      credentials,
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
    expect(stale.ok ? '' : stale.message).toMatch(/^Signature expired/);
    const unsigned = { ...(await received()), headers: { host: '127.0.0.1:8123' } };
    expect(await verifySigV4Request(unsigned, options)).toMatchObject({
      code: 'IncompleteSignatureException',
    });
  });

  it('never puts the secret key in a verdict', async () => {
    const verdicts = await Promise.all([
      verifySigV4Request(await received({ body: 'x' }), options),
      verifySigV4Request(await received(), options),
    ]);
    expect(JSON.stringify(verdicts)).not.toContain(credentials.secretAccessKey);
  });
});
