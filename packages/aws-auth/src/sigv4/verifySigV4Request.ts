import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { AwsAuthError } from '../errors.js';
import { lowerCaseHeaders } from '../headerNames.js';
import { parseAmzDateHeader } from './amzDate.js';
import { expectedHeaders } from './expectedHeaders.js';
import { signedHeaderValues, single } from './receivedHeaders.js';
import { readRequestLine } from './receivedTarget.js';
import { sameText } from './sameText.js';
import type { signRequest } from './signRequest.js';
import { deny, type SigV4Verdict } from './sigV4Verdict.js';

/**
 * A request as a server received it: method, raw path and query, headers, body bytes.
 * @public
 */
export interface ReceivedRequest {
  /** The method as received (`POST`); it is part of what was signed. */
  method: string;
  /** Path and query exactly as received (`req.url` in `node:http`). */
  target: string;
  /** The headers as received, names in any case, a repeated header as an array (`req.headers` fits). */
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received (`''` when empty); the signature covers its SHA-256. */
  body: string | Uint8Array;
}

/**
 * What {@link verifySigV4Request} accepts: the caller's keys, the region and the signing services.
 * @public
 */
export interface VerifySigV4Options {
  /**
   * The server's copy of the caller's keys; the access key id must match the one in the header. With
   * a `sessionToken`, requests must carry that token in `x-amz-security-token` (signed); without one,
   * a request carrying any token is refused, as AWS refuses a token with long-term keys.
   */
  credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>;
  /** The one region a credential scope may name. */
  region: string;
  /** Signing services accepted in the credential scope, e.g. `['bedrock-mantle', 'bedrock']`. */
  services: readonly string[];
  /** Largest accepted distance between `x-amz-date` and now. Default 5 minutes, as AWS. */
  maxSkewMs?: number | undefined;
  /** The clock `x-amz-date` is compared with, in ms since the epoch (default `Date.now`); for tests. */
  now?: (() => number) | undefined;
}

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([!#$%&'*+.^_`|~0-9a-z;-]+), ?Signature=([0-9a-f]{64})$/;
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Checks a request signed by {@link signRequest} the way AWS checks one: a plain Host header, no
 * second (query string) authorization, a known access key, a scope naming the day of `x-amz-date`
 * and an accepted region and service, a fresh `x-amz-date`, and a signature recomputed from the
 * method, target, headers and body exactly as received. For test servers, proxies and the demo; the
 * verdict's messages never contain a key.
 * @public
 */
export async function verifySigV4Request(
  request: ReceivedRequest,
  options: VerifySigV4Options,
): Promise<SigV4Verdict> {
  // node:http already gives lower-case names; other servers may not.
  const headers = lowerCaseHeaders(request.headers);
  const line = readRequestLine(headers.host, request.target);
  if ('code' in line) return deny(line.code, line.message);
  const match = AUTH_PATTERN.exec(single(headers.authorization) ?? '');
  if (!match)
    return deny(
      'IncompleteSignatureException',
      'Authorization header requires a valid AWS4-HMAC-SHA256 signature.',
    );
  const [, accessKeyId = '', day = '', region = '', service = '', signedHeaders = '', signature = ''] = match;
  const sessionToken = single(headers['x-amz-security-token']);
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
  const amzDate = single(headers['x-amz-date']) ?? '';
  const signedAt = parseAmzDateHeader(amzDate);
  if (Number.isNaN(signedAt))
    return deny('IncompleteSignatureException', 'The request must contain a valid X-Amz-Date header.');
  if (day !== amzDate.slice(0, 8)) {
    return deny(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from X-Amz-Date: ${day} != ${amzDate.slice(0, 8)}.`,
    );
  }
  const now = (options.now ?? Date.now)();
  const maxSkewMs = options.maxSkewMs ?? 5 * 60 * 1000;
  if (Math.abs(now - signedAt) > maxSkewMs) {
    return deny(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is more than ${describeDuration(maxSkewMs)} away from the server time.`,
    );
  }
  const signed = signedHeaderValues(headers, signedHeaders);
  let expected: Record<string, string>;
  try {
    if (!METHOD.test(request.method)) throw new AwsAuthError('INVALID_REQUEST', 'method is not a token');
    expected = await expectedHeaders(
      {
        method: request.method,
        host: line.host,
        path: line.path,
        query: line.query,
        headers: signed,
        body: request.body,
      },
      {
        region,
        service,
        signingDate: new Date(signedAt),
        credentials: {
          accessKeyId: options.credentials.accessKeyId,
          secretAccessKey: options.credentials.secretAccessKey,
          sessionToken,
        },
      },
    );
  } catch (error) {
    if (!(error instanceof AwsAuthError)) throw error;
    return deny('IncompleteSignatureException', 'The request could not be canonicalized for signing.');
  }
  const parts = /SignedHeaders=([^,]+), Signature=([0-9a-f]{64})/.exec(expected.authorization ?? '');
  // The list is part of what was signed: a list that differs from ours cannot carry a valid signature.
  if (parts?.[1] !== signedHeaders || !sameText(parts[2] ?? '', signature)) {
    return deny(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  // The signature covers the body's real hash; a header claiming another one is a lie about the body.
  if (single(headers['x-amz-content-sha256']) !== expected['x-amz-content-sha256']) {
    return deny('XAmzContentSHA256Mismatch', 'The x-amz-content-sha256 header does not match the body.');
  }
  return { ok: true, accessKeyId, region, service };
}

/** `5 minutes`, `90 seconds`, `250 ms`: the skew limit as AWS words it for the default. */
function describeDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`;
  if (ms % 1000 === 0) return `${ms / 1000} second${ms === 1000 ? '' : 's'}`;
  return `${ms} ms`;
}
