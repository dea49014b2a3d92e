import type { AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import { AwsAuthError } from '../errors.js';
import { importOptionalPeer } from '../optionalPeer.js';
import { createNativeSigner } from './nativeSigner.js';
import type { NodeCryptoLike, Sha256Impl } from './sha256Impl.js';
import type { EngineSigner, Signer, SignerEngine } from './signer.js';

/**
 * The one check of the engine option: `requested`, else `native` where `sha` is node:crypto and
 * `smithy` elsewhere. INVALID_OPTION for any other value, or for `native` without node:crypto.
 */
function engineFor(requested: SignerEngine | undefined, sha: Sha256Impl): SignerEngine {
  const engine = requested ?? (sha.crypto ? 'native' : 'smithy');
  if (engine !== 'native' && engine !== 'smithy') {
    throw new AwsAuthError('INVALID_OPTION', 'options.engine must be "native" or "smithy"');
  }
  if (engine === 'native' && !sha.crypto) {
    throw new AwsAuthError(
      'INVALID_OPTION',
      'options.engine "native" needs node:crypto, which this runtime lacks',
    );
  }
  return engine;
}

function build(
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  sha: Sha256Impl,
  engine: SignerEngine,
): Signer {
  if (engine === 'native') {
    // Callers have checked with engineFor that node:crypto is there.
    return { engine, ...createNativeSigner(region, service, credentials, sha.crypto as NodeCryptoLike) };
  }
  let smithy: Promise<EngineSigner> | undefined;
  return {
    engine,
    async sign(parts, options) {
      if (!smithy) {
        // The chunk imports @smithy/signature-v4, so a failure here is that package missing.
        smithy = importOptionalPeer('@smithy/signature-v4', () => import('./smithySigner.js')).then((m) =>
          m.createSmithySigner(region, service, credentials, sha),
        );
        smithy.catch(() => {
          smithy = undefined; // installed later, or a passing failure: the next call tries again
        });
      }
      return (await smithy).sign(parts, options);
    },
  };
}

/**
 * The native engine when `sha` is node:crypto, else smithy's. `requested` forces one (tests compare
 * the two; smithy also runs over node:crypto).
 */
export function createSigner(
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  sha: Sha256Impl,
  requested?: SignerEngine,
): Signer {
  return build(region, service, credentials, sha, engineFor(requested, sha));
}

const cache = new WeakMap<object, Map<string, Signer>>();

/**
 * The cached signer for this credentials object or provider function, created (and its engine
 * checked) on first use.
 */
export function cachedSigner(
  key: object,
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  sha: Sha256Impl,
  requested: SignerEngine | undefined,
): Signer {
  const engine = engineFor(requested, sha);
  let byScope = cache.get(key);
  if (!byScope) {
    byScope = new Map();
    cache.set(key, byScope);
  }
  const scope = `${engine}\n${region}\n${service}`;
  let signer = byScope.get(scope);
  if (!signer) {
    signer = build(region, service, credentials, sha, engine);
    byScope.set(scope, signer);
  }
  return signer;
}
