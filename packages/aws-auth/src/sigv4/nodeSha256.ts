import type { NodeCryptoLike, NodeHash, Sha256Constructor, Sha256Impl, SourceData } from './sha256Impl.js';
import { toBytes } from './sha256Impl.js';

/**
 * A synchronous SHA-256 hex digest on `node:crypto`: the one-shot `crypto.hash` where it exists, a
 * Hash object before Node 20.12. Strings are hashed as UTF-8 by the native code, without a byte copy.
 */
export function nodeSha256Hex(crypto: NodeCryptoLike): (data: string | Uint8Array) => string {
  const oneShot = crypto.hash?.bind(crypto);
  if (oneShot) return (data) => oneShot('sha256', data, 'hex');
  return (data) => {
    const hash = crypto.createHash('sha256');
    if (typeof data === 'string') hash.update(data, 'utf8');
    else hash.update(data);
    return hash.digest('hex');
  };
}

/** Builds the smithy Checksum/Hash class over `node:crypto` (native, hashes strings without copying). */
export function nodeSha256(crypto: NodeCryptoLike): Sha256Impl {
  class NodeSha256 {
    readonly #secret: SourceData | undefined;
    #hash: NodeHash;

    constructor(secret?: SourceData) {
      this.#secret = secret;
      this.#hash = this.#create();
    }

    #create(): NodeHash {
      return this.#secret === undefined
        ? crypto.createHash('sha256')
        : crypto.createHmac(
            'sha256',
            typeof this.#secret === 'string' ? this.#secret : toBytes(this.#secret),
          );
    }

    update(data: SourceData): void {
      this.#hash.update(typeof data === 'string' ? data : toBytes(data));
    }

    digest(): Promise<Uint8Array> {
      return Promise.resolve(this.#hash.digest());
    }

    reset(): void {
      this.#hash = this.#create();
    }
  }
  const hex = nodeSha256Hex(crypto);
  return {
    native: true,
    crypto,
    ctor: NodeSha256 as unknown as Sha256Constructor,
    hashHex: (data) => Promise.resolve(hex(data)),
  };
}
