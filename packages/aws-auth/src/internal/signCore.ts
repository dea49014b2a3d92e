import type { AwsCredentialsProvider } from '../types.js';
import { createNativeSigner } from './nativeSigner.js';
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
  /** Send and sign `x-amz-content-sha256`. */
  contentSha256Header: boolean;
  unsignableHeaders: Set<string>;
}

/** A reusable signer for one (region, service, credentials) triple. */
export interface Signer {
  /** `native` (node:crypto, in Node) or `smithy` (@smithy/signature-v4, elsewhere). */
  readonly engine: SignerEngine;
  /** Signs the parts and returns the complete header set to send (lower-case names). */
  sign(parts: SignParts, options: SignPartsOptions): Promise<Record<string, string>>;
}

export type SignerEngine = 'native' | 'smithy';

/**
 * The native engine when `sha` is node:crypto, else smithy's. `engine` forces one (tests compare the
 * two; smithy also runs over node:crypto).
 */
export function createSigner(
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  sha: Sha256Impl,
  engine: SignerEngine = sha.crypto ? 'native' : 'smithy',
): Signer {
  if (engine === 'native') {
    if (!sha.crypto) throw new Error('the native SigV4 engine needs node:crypto');
    return { engine, ...createNativeSigner(region, service, credentials, sha.crypto) };
  }
  let smithy: Promise<Pick<Signer, 'sign'>> | undefined;
  return {
    engine,
    async sign(parts, options) {
      smithy ??= import('./smithySigner.js').then((m) =>
        m.createSmithySigner(region, service, credentials, sha),
      );
      return (await smithy).sign(parts, options);
    },
  };
}

const cache = new WeakMap<object, Map<string, Signer>>();

/** The cached signer for this credentials object or provider function, created on first use. */
export function cachedSigner(
  key: object,
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  sha: Sha256Impl,
  engine: SignerEngine,
): Signer {
  let byScope = cache.get(key);
  if (!byScope) {
    byScope = new Map();
    cache.set(key, byScope);
  }
  const scope = `${engine}\n${region}\n${service}`;
  let signer = byScope.get(scope);
  if (!signer) {
    signer = createSigner(region, service, credentials, sha, engine);
    byScope.set(scope, signer);
  }
  return signer;
}
