import { AwsAuthError } from './awsAuthError.js';
import { parseAmzDateHeader } from './internal/amzDate.js';
import { signRequest } from './signRequest.js';
import type { AwsCredentials, HttpRequest } from './types.js';

/** A request as a server received it: method, raw path and query, headers, body bytes. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as received (`req.url` in `node:http`). */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: string | Uint8Array;
}

export interface VerifySigV4Options {
  /**
   * The server's copy of the caller's keys; the access key id must match the one in the header. With
   * a `sessionToken`, requests must carry that token in `x-amz-security-token` (signed); without one,
   * a request carrying any token is refused, as AWS refuses a token with long-term keys.
   */
  credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>;
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
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([!#$%&'*+.^_`|~0-9a-z;-]+), ?Signature=([0-9a-f]{64})$/;
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
  const sessionToken = single(request.headers['x-amz-security-token']);
  const expectedToken = options.credentials.sessionToken;
  const tokenOk =
    expectedToken === undefined ? sessionToken === undefined : sameText(sessionToken ?? '', expectedToken);
  if (accessKeyId !== options.credentials.accessKeyId || !tokenOk) {
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
  const maxSkewMs = options.maxSkewMs ?? 5 * 60 * 1000;
  if (Math.abs(now - signedAt) > maxSkewMs) {
    return deny(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is more than ${describeDuration(maxSkewMs)} away from the server time.`,
    );
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) {
    const value = single(request.headers[name]);
    if (value !== undefined && !SIGNER_OWNED.has(name)) headers[name] = value;
  }
  const host = single(request.headers.host) ?? 'localhost';
  if (!request.target.startsWith('/')) {
    return deny('IncompleteSignatureException', 'The request target must be an absolute path.');
  }
  let recomputed: HttpRequest;
  try {
    recomputed = await signRequest(
      {
        method: request.method,
        // The scheme whose default port the Host does not name, so an explicit port is kept as received.
        url: `${host.endsWith(':80') ? 'https' : 'http'}://${host}${request.target}`,
        headers,
        body: request.body,
      },
      {
        region,
        service,
        signingDate: new Date(signedAt),
        credentials: {
          accessKeyId: options.credentials.accessKeyId,
          secretAccessKey: options.credentials.secretAccessKey,
          ...(sessionToken === undefined ? {} : { sessionToken }),
        },
      },
    );
  } catch (error) {
    if (!(error instanceof AwsAuthError)) throw error;
    return deny('IncompleteSignatureException', 'The request could not be canonicalized for signing.');
  }
  const expected = /SignedHeaders=([^,]+), Signature=([0-9a-f]{64})/.exec(
    recomputed.headers.authorization ?? '',
  );
  // The list is part of what was signed: a list that differs from ours cannot carry a valid signature.
  if (expected?.[1] !== signedHeaders || !sameText(expected[2] ?? '', signature)) {
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

/** Compares two strings in time that depends on their length only, not on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** `5 minutes`, `90 seconds`, `250 ms`: the skew limit as AWS words it for the default. */
function describeDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`;
  if (ms % 1000 === 0) return `${ms / 1000} second${ms === 1000 ? '' : 's'}`;
  return `${ms} ms`;
}
