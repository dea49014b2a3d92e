import { createHash, createHmac } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { signRequest } from '@x/aws-auth';
import aws4 from 'aws4';
import { AwsClient } from 'aws4fetch';
import { measureInterleaved } from '../harness.js';
import type { BenchResult } from '../result.js';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const region = 'us-east-1';
const service = 'bedrock-mantle';
const host = 'bedrock-mantle.us-east-1.api.aws';
const path = '/openai/v1/responses';
const url = `https://${host}${path}`;

/** A Responses API JSON body of about `bytes` bytes. */
export function jsonBody(bytes: number): string {
  const filler = 'x'.repeat(Math.max(0, bytes - 60));
  return JSON.stringify({ model: 'openai.gpt-oss-120b', input: filler, stream: true });
}

// The signing key depends only on the secret, the day, region and service: every real signer derives
// it once a day and keeps it, so the floor does too (deriving it per call is four extra HMACs).
let cachedKey: { day: string; key: Buffer } | undefined;

/** The SigV4 signing key for `day`, derived on the first call of that day. */
function floorKey(day: string): Buffer {
  if (cachedKey?.day === day) return cachedKey.key;
  let key: Buffer = createHmac('sha256', `AWS4${credentials.secretAccessKey}`).update(day).digest();
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  cachedKey = { day, key };
  return key;
}

/**
 * The SigV4 work done directly with node:crypto, nothing else: body hash, canonical request (one
 * content-type header) and signature with the day's cached signing key. Returns the headers a signer
 * must add.
 */
export function floorSign(
  body: string,
  target: { host: string; path: string } = { host, path },
): Record<string, string> {
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const payloadHash = createHash('sha256').update(body).digest('hex');
  const canonical = `POST\n${target.path}\n\ncontent-type:application/json\nhost:${target.host}\nx-amz-content-sha256:${payloadHash}\nx-amz-date:${amzDate}\n\ncontent-type;host;x-amz-content-sha256;x-amz-date\n${payloadHash}`;
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
  const signature = createHmac('sha256', floorKey(day)).update(toSign).digest('hex');
  return {
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=${signature}`,
  };
}

function smithyRequest(body: string) {
  return {
    method: 'POST',
    protocol: 'https:',
    hostname: host,
    path,
    query: {},
    headers: { host, 'content-type': 'application/json' },
    body,
  };
}

/** sign-1k (ops/s) and sign-1m (MB/s): ours against the SDK integrations and the native floor. */
export async function signingCases(quick: boolean): Promise<BenchResult[]> {
  const reused = new SignatureV4({ credentials, region, service, sha256: Hash.bind(null, 'sha256') });
  const aws4fetchClient = new AwsClient({ ...credentials, region, service });
  const results: BenchResult[] = [];
  for (const [name, bytes] of [
    ['sign-1k', 1024],
    ['sign-1m', 1024 * 1024],
  ] as const) {
    const body = jsonBody(bytes);
    const headers = { 'content-type': 'application/json' };
    const ops = await measureInterleaved(
      [
        {
          name: 'ours',
          run: () => signRequest({ method: 'POST', url, headers, body }, { region, service, credentials }),
        },
        { name: 'smithy+hash-node (reused signer)', run: () => reused.sign(smithyRequest(body)) },
        {
          name: 'smithy+sha256-js (signer per request)',
          run: () =>
            new SignatureV4({ credentials, region, service, sha256: Sha256 }).sign(smithyRequest(body)),
        },
        { name: 'aws4fetch', run: () => aws4fetchClient.sign(url, { method: 'POST', headers, body }) },
        {
          name: 'aws4',
          run: () =>
            aws4.sign(
              { host, path, method: 'POST', headers: { ...headers }, body, service, region },
              credentials,
            ),
        },
        { name: 'floor', run: () => floorSign(body) },
      ],
      quick ? { rounds: 3, sliceMs: 120 } : { rounds: 5, sliceMs: 400 },
    );
    const scale = name === 'sign-1m' ? bytes / 1e6 : 1;
    const value = (n: string): number => (ops.get(n) ?? 0) * scale;
    results.push({
      name,
      unit: name === 'sign-1m' ? 'MB/s' : 'ops/s',
      ours: value('ours'),
      peers: Object.fromEntries(
        [...ops.keys()].filter((n) => n !== 'ours' && n !== 'floor').map((n) => [n, value(n)]),
      ),
      floor: value('floor'),
      // The floor caches its signing key per day, as every real signer does.
      note: name === 'sign-1k' ? 'target >= 0.8 of floor' : undefined,
    });
  }
  return results;
}
