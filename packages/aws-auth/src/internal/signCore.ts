import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials, AwsCredentialsProvider } from '../types.js';
import { canonicalPath, parseQuery } from './canonical.js';
import type { Sha256Impl } from './sha256.js';

/** One request broken into what SigV4 signs. `path` and `query` are exactly as sent on the wire. */
export interface SignParts {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query: string;
  /** Lower-case names; must include `host`. Caller-owned auth headers already removed. */
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
}

export interface SignPartsOptions {
  signingDate: Date;
  normalizePath: boolean;
  uriEscapePath: boolean;
  /** Send and sign `x-amz-content-sha256` (computed natively). */
  contentSha256Header: boolean;
  unsignableHeaders: Set<string>;
}

/** A reusable signer: one smithy SignatureV4 for a (region, service, credentials) triple. */
export interface Signer {
  readonly smithy: SignatureV4;
  readonly sha: Sha256Impl;
}

export function createSigner(
  region: string,
  service: string,
  credentials: AwsCredentials | AwsCredentialsProvider,
  sha: Sha256Impl,
): Signer {
  const smithy = new SignatureV4({
    region,
    service,
    credentials,
    sha256: sha.ctor,
    // We hand over a ready canonical path and add x-amz-content-sha256 ourselves.
    uriEscapePath: false,
    applyChecksum: false,
  });
  return { smithy, sha };
}

const cache = new WeakMap<object, Map<string, Signer>>();

/** The cached signer for this credentials object or provider function, created on first use. */
export function cachedSigner(
  key: object,
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  sha: Sha256Impl,
): Signer {
  let byScope = cache.get(key);
  if (!byScope) {
    byScope = new Map();
    cache.set(key, byScope);
  }
  const scope = `${region}\n${service}`;
  let signer = byScope.get(scope);
  if (!signer) {
    signer = createSigner(region, service, credentials, sha);
    byScope.set(scope, signer);
  }
  return signer;
}

/** Signs the parts and returns the complete header set to send (lower-case names). */
export async function signParts(
  signer: Signer,
  parts: SignParts,
  options: SignPartsOptions,
): Promise<Record<string, string>> {
  const headers = { ...parts.headers };
  if (options.contentSha256Header) {
    // smithy uses this header as the payload hash when present, so the body is hashed once, natively.
    headers['x-amz-content-sha256'] = await signer.sha.hashHex(parts.body ?? '');
  }
  const signed = await signer.smithy.sign(
    {
      method: parts.method,
      protocol: parts.protocol,
      hostname: parts.hostname,
      path: canonicalPath(parts.path, { normalize: options.normalizePath, escape: options.uriEscapePath }),
      query: parseQuery(parts.query),
      headers,
      body: parts.body,
    },
    { signingDate: options.signingDate, unsignableHeaders: options.unsignableHeaders },
  );
  return signed.headers;
}
