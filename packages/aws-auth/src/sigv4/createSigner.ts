import type { AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import { createNativeSigner } from './nativeSigner.js';
import type { Sha256Impl } from './sha256Impl.js';
import type { EngineSigner, Signer, SignerEngine } from './signer.js';

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
  let smithy: Promise<EngineSigner> | undefined;
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
