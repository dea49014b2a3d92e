import { describe, expect, it } from 'vitest';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { createSigner } from './createSigner.js';
import { prepareHeaders } from './prepareHeaders.js';
import { loadSha256 } from './sha256.js';
import type { SignParts, SignPartsOptions } from './signer.js';

// A small seeded generator (mulberry32) so that a failing case can be replayed from its seed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATH_PIECES = [
  'a',
  'b c',
  '..',
  '.',
  '',
  'é',
  '%2F',
  '%41',
  '~x',
  'a+b',
  "it's",
  '*',
  '(1)',
  '%E2%82%AC',
];
const QUERY_KEYS = ['a', 'A', 'b', 'x y', 'é', 'k+', 'X-Amz-Signature', 'empty', '%zz', '~'];
const QUERY_VALUES = ['', '1', '2', 'a b', 'a%20b', 'é', '+', '%2B', '=', '!', "'", '%zz', 'z'];
const HEADER_NAMES = [
  'content-type',
  'X-Custom',
  'x-custom',
  'user-agent',
  'cache-control',
  'expect',
  'proxy-foo',
  'sec-fetch-mode',
  'date',
  'te',
  'x-amzn-trace-id',
  'accept',
  'connection',
  'x-hop',
  'zeta',
];
const HEADER_VALUES = [
  'v',
  '  padded  ',
  'a   b',
  'tab\there',
  'x, y',
  '',
  'é',
  'keep-alive, x-hop',
  'a \t b',
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function generate(seed: number): {
  credentials: AwsCredentials;
  parts: SignParts;
  options: SignPartsOptions;
} {
  const next = random(seed);
  const count = (max: number): number => Math.floor(next() * (max + 1));
  const path = `/${Array.from({ length: count(4) }, () => pick(next, PATH_PIECES)).join('/')}${next() < 0.3 ? '/' : ''}`;
  const query = Array.from({ length: count(5) }, () => {
    const key = encodeURIComponent(pick(next, QUERY_KEYS)).replace(/%25/g, '%');
    return next() < 0.15
      ? key
      : `${key}=${encodeURIComponent(pick(next, QUERY_VALUES)).replace(/%25/g, '%')}`;
  }).join('&');
  const raw: Record<string, string> = { host: 'bedrock-mantle.us-east-1.api.aws' };
  for (let i = count(6); i > 0; i--) raw[pick(next, HEADER_NAMES)] = pick(next, HEADER_VALUES);
  const { headers, unsignable } = prepareHeaders(raw, raw.host as string);
  const bodyKind = count(2);
  const text = JSON.stringify({ seed, note: 'héllo', n: next() });
  const body = bodyKind === 0 ? undefined : bodyKind === 1 ? text : new TextEncoder().encode(text);
  const credentials: AwsCredentials = {
    accessKeyId: `AKID${seed}`,
    secretAccessKey: `secret/${seed}+é`,
    ...(next() < 0.5 ? { sessionToken: `token-${seed}` } : {}),
  };
  return {
    credentials,
    parts: {
      method: pick(next, ['GET', 'POST', 'PUT', 'DELETE']),
      protocol: 'https:',
      hostname: raw.host as string,
      path,
      query,
      headers,
      body,
    },
    options: {
      signingDate: new Date(
        Date.UTC(2026, count(11), 1 + count(27), count(23), count(59), count(59), count(999)),
      ),
      normalizePath: next() < 0.8,
      uriEscapePath: next() < 0.8,
      contentSha256Header: next() < 0.7,
      unsignableHeaders: unsignable,
    },
  };
}

describe('native SigV4 engine', () => {
  it('signs 1,000 generated requests exactly as @smithy/signature-v4 does', async () => {
    const sha = await loadSha256();
    let withToken = 0;
    let withQuery = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const { credentials, parts, options } = generate(seed);
      const provider = async (): Promise<AwsCredentials> => credentials;
      const native = await createSigner('us-east-1', 'bedrock-mantle', provider, sha, 'native').sign(
        parts,
        options,
      );
      const smithy = await createSigner('us-east-1', 'bedrock-mantle', provider, sha, 'smithy').sign(
        parts,
        options,
      );
      expect(native, `seed ${seed}`).toEqual(smithy);
      if (credentials.sessionToken) withToken++;
      if (parts.query !== '') withQuery++;
    }
    // The generator really covers both sides of each choice.
    expect(withToken).toBeGreaterThan(300);
    expect(withQuery).toBeGreaterThan(500);
  });

  it('reuses the signing key within a day and derives a new one for a new day or secret', async () => {
    const sha = await loadSha256();
    const crypto = sha.crypto;
    if (!crypto) throw new Error('node:crypto expected');
    let hmacs = 0;
    const counting = {
      createHash: crypto.createHash,
      ...(crypto.createSecretKey ? { createSecretKey: crypto.createSecretKey } : {}),
      createHmac: (...args: Parameters<typeof crypto.createHmac>) => {
        hmacs++;
        return crypto.createHmac(...args);
      },
    };
    let credentials: AwsCredentials = { accessKeyId: 'AKID', secretAccessKey: 'one' };
    const signer = createSigner(
      'us-east-1',
      'bedrock',
      async () => credentials,
      { ...sha, crypto: counting },
      'native',
    );
    const { parts, options } = generate(7);
    const at = (iso: string): SignPartsOptions => ({ ...options, signingDate: new Date(iso) });
    await signer.sign(parts, at('2026-11-22T01:00:00Z'));
    expect(hmacs).toBe(5); // four to derive the key, one to sign
    await signer.sign(parts, at('2026-11-22T23:59:59Z'));
    expect(hmacs).toBe(6);
    await signer.sign(parts, at('2026-11-23T00:00:00Z'));
    expect(hmacs).toBe(11);
    credentials = { accessKeyId: 'AKID', secretAccessKey: 'two' };
    const signed = await signer.sign(parts, at('2026-11-23T00:00:01Z'));
    expect(hmacs).toBe(16);
    // Without crypto.hash (before Node 20.12) the Hash-object path gives the same result.
    const reference = createSigner('us-east-1', 'bedrock', async () => credentials, sha, 'native');
    expect(signed).toEqual(await reference.sign(parts, at('2026-11-23T00:00:01Z')));
  });
});
