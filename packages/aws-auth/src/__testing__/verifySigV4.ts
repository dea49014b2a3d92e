// Test-only: an independent SigV4 verifier (node:crypto, no smithy) used by the loopback servers.
import { createHash, createHmac } from 'node:crypto';

export interface IncomingSigned {
  method: string;
  /** Request target as received: path and query, e.g. `/openai/v1/x?a=1`. */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export interface VerifyResult {
  ok: boolean;
  reason?: string | undefined;
  accessKeyId?: string | undefined;
  region?: string | undefined;
  service?: string | undefined;
  amzDate?: string | undefined;
  signedHeaders?: string[] | undefined;
  canonicalRequest?: string | undefined;
}

const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function header(headers: IncomingSigned['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export function verifySigV4(
  req: IncomingSigned,
  secretFor: (accessKeyId: string) => string | undefined,
): VerifyResult {
  const auth = header(req.headers, 'authorization') ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;_.-]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return { ok: false, reason: 'malformed authorization' };
  const [, accessKeyId = '', day = '', region = '', service = '', signedList = '', signature = ''] = m;
  const secret = secretFor(accessKeyId);
  if (secret === undefined) return { ok: false, reason: 'unknown access key' };
  const amzDate = header(req.headers, 'x-amz-date') ?? '';
  if (!amzDate.startsWith(day)) return { ok: false, reason: 'date mismatch' };
  const q = req.target.indexOf('?');
  const path = q === -1 ? req.target : req.target.slice(0, q);
  const rawQuery = q === -1 ? '' : req.target.slice(q + 1);
  const canonicalPath = path
    .split('/')
    .map((segment) => rfc3986(segment))
    .join('/');
  const canonicalQuery = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const k = eq === -1 ? pair : pair.slice(0, eq);
      const v = eq === -1 ? '' : pair.slice(eq + 1);
      return [rfc3986(safeDecode(k)), rfc3986(safeDecode(v))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const signedHeaders = signedList.split(';');
  const canonicalHeaders = signedHeaders
    .map((name) => `${name}:${(header(req.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  const claimed = header(req.headers, 'x-amz-content-sha256');
  if (claimed !== undefined && claimed !== bodyHash) return { ok: false, reason: 'body hash mismatch' };
  const canonicalRequest = [
    req.method,
    canonicalPath,
    canonicalQuery,
    canonicalHeaders,
    signedList,
    bodyHash,
  ].join('\n');
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    `${day}/${region}/${service}/aws4_request`,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${secret}`).update(day).digest();
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
  const base = { accessKeyId, region, service, amzDate, signedHeaders, canonicalRequest };
  return expected === signature
    ? { ok: true, ...base }
    : { ok: false, reason: 'signature mismatch', ...base };
}

/** `20150830T123600Z` -> ms since the epoch. */
export function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}
