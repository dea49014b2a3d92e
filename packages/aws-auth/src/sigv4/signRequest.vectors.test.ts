import { describe, expect, it } from 'vitest';
import { loadVectors, parseRequest, type VectorCase } from '../__testing__/vectors.js';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { createSigner } from './createSigner.js';
import { prepareHeaders } from './prepareHeaders.js';
import { loadSha256, portableSha256 } from './sha256.js';
import type { Sha256Constructor } from './sha256Impl.js';
import type { SignerEngine } from './signer.js';
import { signRequest } from './signRequest.js';

const vectors = loadVectors();

function credentialsOf(v: VectorCase, withToken: boolean): AwsCredentials {
  const c = v.context.credentials;
  const creds: AwsCredentials = { accessKeyId: c.access_key_id, secretAccessKey: c.secret_access_key };
  if (withToken && c.token) creds.sessionToken = c.token;
  return creds;
}

/** `native`: our node:crypto engine; `smithy`: @smithy/signature-v4 over node:crypto; `smithy-js`: over sha256-js. */
type Engine = SignerEngine | 'smithy-js';

async function signVector(v: VectorCase, engine: Engine): Promise<Record<string, string>> {
  const sha =
    engine === 'smithy-js'
      ? portableSha256((await import('@aws-crypto/sha256-js')).Sha256 as unknown as Sha256Constructor)
      : await loadSha256();
  // omit_session_token: the token is attached after signing and is not part of the signature.
  const omit = v.context.omit_session_token === true;
  const credentials = credentialsOf(v, !omit);
  const signer = createSigner(
    v.context.region,
    v.context.service,
    async () => credentials,
    sha,
    engine === 'smithy-js' ? 'smithy' : engine,
  );
  expect(signer.engine).toBe(engine === 'smithy-js' ? 'smithy' : engine);
  const host = Object.entries(v.headers).find(([name]) => name.toLowerCase() === 'host')?.[1] ?? '';
  const { headers, unsignable } = prepareHeaders(v.headers, host);
  const signed = await signer.sign(
    {
      method: v.method,
      protocol: 'https:',
      hostname: host,
      path: v.path,
      query: v.query,
      headers,
      body: v.body,
    },
    {
      signingDate: new Date(v.context.timestamp),
      normalizePath: v.context.normalize,
      uriEscapePath: true,
      contentSha256Header: v.context.sign_body,
      unsignableHeaders: unsignable,
    },
  );
  if (omit && v.context.credentials.token) signed['x-amz-security-token'] = v.context.credentials.token;
  return signed;
}

describe('AWS SigV4 test suite (header signing)', () => {
  it('has every case of the suite', () => {
    expect(vectors.length).toBe(38);
  });

  for (const v of vectors) {
    it(`${v.name}: signature, signed headers and authorization match`, async () => {
      const signed = await signVector(v, 'native');
      expect(signed.authorization).toBe(v.expectedAuthorization);
      expect(signed.authorization).toContain(`Signature=${v.expectedSignature}`);
      expect(signed.authorization).toContain(`SignedHeaders=${v.expectedSignedHeaders},`);
      expect(signed['x-amz-date']).toBe('20150830T123600Z');
      const token = v.context.credentials.token;
      if (token) expect(signed['x-amz-security-token']).toBe(token);
      else expect(signed['x-amz-security-token']).toBeUndefined();
      // Every header of the expected signed request is present with the same value.
      const expected = parseRequest(v.signedRequest).headers;
      for (const [name, value] of Object.entries(expected)) {
        expect(signed[name.toLowerCase()], name).toBe(value);
      }
      expect(Object.keys(signed).sort()).toEqual(
        Object.keys(expected)
          .map((n) => n.toLowerCase())
          .sort(),
      );
    });
  }

  it('the smithy engine, over node:crypto and over @aws-crypto/sha256-js, gives the same signatures', async () => {
    for (const v of vectors) {
      for (const engine of ['smithy', 'smithy-js'] as const) {
        const signed = await signVector(v, engine);
        expect(signed.authorization, `${v.name} (${engine})`).toBe(v.expectedAuthorization);
        expect(signed, `${v.name} (${engine})`).toEqual(await signVector(v, 'native'));
      }
    }
  });

  // Cases whose request line is already what a WHATWG URL (and so fetch) would send also pass
  // through the public signRequest.
  const public_ = vectors.filter((v) => {
    const url = new URL(`https://example.amazonaws.com${v.path}${v.query ? `?${v.query}` : ''}`);
    return v.context.normalize && url.pathname === v.path && url.search.slice(1) === v.query;
  });

  it('a majority of the cases can go through the public signRequest', () => {
    expect(public_.length).toBeGreaterThanOrEqual(20);
  });

  for (const v of public_) {
    it(`${v.name}: public signRequest matches`, async () => {
      const omit = v.context.omit_session_token === true;
      const result = await signRequest(
        {
          method: v.method.toLowerCase(),
          url: `https://example.amazonaws.com${v.path}${v.query ? `?${v.query}` : ''}`,
          headers: v.headers,
          ...(v.body === undefined ? {} : { body: v.body }),
        },
        {
          region: v.context.region,
          service: v.context.service,
          credentials: credentialsOf(v, !omit),
          signingDate: new Date(v.context.timestamp),
          contentSha256Header: v.context.sign_body,
        },
      );
      expect(result.method).toBe(v.method);
      expect(result.headers.authorization).toBe(v.expectedAuthorization);
    });
  }
});
