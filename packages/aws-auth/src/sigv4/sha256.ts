import { importOptionalPeer } from '../optionalPeer.js';
import { nodeSha256 } from './nodeSha256.js';
import { type NodeCryptoLike, type Sha256Constructor, type Sha256Impl, toBytes } from './sha256Impl.js';

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Wraps any smithy-compatible constructor (e.g. `@aws-crypto/sha256-js`'s `Sha256`). */
export function portableSha256(ctor: Sha256Constructor): Sha256Impl {
  return {
    native: false,
    ctor,
    hashHex: async (data) => {
      const hash = new ctor();
      hash.update(typeof data === 'string' ? toBytes(data) : data);
      return toHex(await hash.digest());
    },
  };
}

function builtinCrypto(): NodeCryptoLike | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.('node:crypto') as NodeCryptoLike | undefined;
}

/**
 * Picks `node:crypto` when present, else loads `@aws-crypto/sha256-js` on demand. Pass `null` to
 * force the fallback (as in a runtime without `node:crypto`).
 */
export async function loadSha256(
  crypto: NodeCryptoLike | null = builtinCrypto() ?? null,
): Promise<Sha256Impl> {
  if (crypto) return nodeSha256(crypto);
  const { Sha256 } = await importOptionalPeer('@aws-crypto/sha256-js', () => import('@aws-crypto/sha256-js'));
  return portableSha256(Sha256 as unknown as Sha256Constructor);
}

let shared: Sha256Impl | Promise<Sha256Impl> | undefined;

/** The process-wide implementation, resolved once (a failed load is retried by the next call). */
export function sharedSha256(): Sha256Impl | Promise<Sha256Impl> {
  if (!shared) {
    const loading = loadSha256();
    shared = loading;
    loading.then(
      (impl) => {
        shared = impl;
      },
      () => {
        shared = undefined;
      },
    );
  }
  return shared;
}
