import { parseAmzDateHeader } from './internal/amzDate.js';
import { signRequest } from './signRequest.js';
import type { AwsCredentials } from './types.js';

/** A request as a server received it: method, raw path and query, headers, body bytes. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received (`req.url` in `node:http`). */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: string | Uint8Array;
}

export interface VerifySigV4Options {
  /** The server's copy of the caller's keys; the access key id must match the one in the header. */
  credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey'>;
  region: string;
  /** Signing services accepted in the credential scope, e.g. `['bedrock-mantle', 'bedrock']`. */
  services: readonly string[];
  /** Largest accepted distance between `x-amz-date` and now. Default 5 minutes, as AWS. */
  maxSkewMs?: number;
  now?: () => number;
}

export type SigV4Verdict =
  | { ok: true; accessKeyId: string; region: string; service: string }
  | { ok: false; code: string; message: string };

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
/** Headers the signer derives itself; they are given to it as inputs, not copied as headers. */
const SIGNER_OWNED = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-security-token',
  'host',
]);

/**
 * Checks a request signed by {@link signRequest} the way AWS checks one: a known access key, a scope
 * naming an accepted region and service, a fresh `x-amz-date`, and a signature recomputed from the
 * raw request. For test servers, proxies and the demo; the verdict's codes and messages follow AWS's
 * 403 answers and never contain a key.
 */
export async function verifySigV4Request(
  request: ReceivedRequest,
  options: VerifySigV4Options,
): Promise<SigV4Verdict> {
  const match = AUTH_PATTERN.exec(single(request.headers.authorization) ?? '');
  if (!match)
    return deny(
      'IncompleteSignatureException',
      'Authorization header requires a valid AWS4-HMAC-SHA256 signature.',
    );
  const [, accessKeyId = '', , region = '', service = '', signedHeaders = '', signature = ''] = match;
  if (accessKeyId !== options.credentials.accessKeyId) {
    return deny('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (region !== options.region || !options.services.includes(service)) {
    return deny(
      'InvalidSignatureException',
      `Credential should be scoped to region ${options.region} and one of the services ${options.services.join(', ')}.`,
    );
  }
  const amzDate = single(request.headers['x-amz-date']) ?? '';
  const signedAt = parseAmzDateHeader(amzDate);
  if (Number.isNaN(signedAt))
    return deny('IncompleteSignatureException', 'The request must contain a valid X-Amz-Date header.');
  const now = (options.now ?? Date.now)();
  if (Math.abs(now - signedAt) > (options.maxSkewMs ?? 5 * 60 * 1000)) {
    return deny(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is more than 5 minutes away from the server time.`,
    );
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) {
    const value = single(request.headers[name]);
    if (value !== undefined && !SIGNER_OWNED.has(name)) headers[name] = value;
  }
  const sessionToken = single(request.headers['x-amz-security-token']);
  const recomputed = await signRequest(
    {
      method: request.method,
      url: `http://${single(request.headers.host) ?? 'localhost'}${request.target}`,
      headers,
      body: request.body,
    },
    {
      region,
      service,
      signingDate: new Date(signedAt),
      credentials: { ...options.credentials, ...(sessionToken === undefined ? {} : { sessionToken }) },
    },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(recomputed.headers.authorization ?? '')?.[1];
  if (expected !== signature) {
    return deny(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  return { ok: true, accessKeyId, region, service };
}

function deny(code: string, message: string): SigV4Verdict {
  return { ok: false, code, message };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}
