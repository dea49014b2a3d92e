import type { SignatureV4 } from '@smithy/signature-v4';

/** The hash constructor shape `@smithy/signature-v4` expects (`new Ctor(secret?)`). */
export type Sha256Constructor = NonNullable<ConstructorParameters<typeof SignatureV4>[0]['sha256']>;

type SourceData = string | ArrayBuffer | ArrayBufferView;

interface NodeHash {
  update(data: string | Uint8Array, encoding?: 'utf8'): NodeHash;
  digest(): Uint8Array;
  digest(encoding: 'hex'): string;
}

/** A `node:crypto` KeyObject, opaque here. */
export type SecretKey = { readonly type: 'secret' };

/** The functions of `node:crypto` we use. */
export interface NodeCryptoLike {
  createHash(algorithm: 'sha256'): NodeHash;
  createHmac(algorithm: 'sha256', key: Uint8Array | string | SecretKey): NodeHash;
  /** Wraps key bytes once; an HMAC keyed by it skips re-importing the key (about a third faster). */
  createSecretKey?(key: Uint8Array): SecretKey;
  /** One-shot digest (Node 20.12 and later): no Hash object, about twice as fast on small inputs. */
  hash?(algorithm: 'sha256', data: string | Uint8Array, outputEncoding: 'hex'): string;
}

/** A SHA-256 implementation: the constructor handed to the signer, and a one-shot hex digest. */
export interface Sha256Impl {
  readonly native: boolean;
  /** node:crypto when this is the native implementation. */
  readonly crypto?: NodeCryptoLike;
  readonly ctor: Sha256Constructor;
  hashHex(data: string | Uint8Array): Promise<string>;
}

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

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
  const { Sha256 } = await import('@aws-crypto/sha256-js');
  return portableSha256(Sha256 as unknown as Sha256Constructor);
}

let shared: Sha256Impl | Promise<Sha256Impl> | undefined;

/** The process-wide implementation, resolved once. */
export function sharedSha256(): Sha256Impl | Promise<Sha256Impl> {
  if (!shared) {
    shared = loadSha256().then((impl) => {
      shared = impl;
      return impl;
    });
  }
  return shared;
}
