import type { SignatureV4 } from '@smithy/signature-v4';

/** The hash constructor shape `@smithy/signature-v4` expects (`new Ctor(secret?)`). */
export type Sha256Constructor = NonNullable<ConstructorParameters<typeof SignatureV4>[0]['sha256']>;

/** What a SHA-256 implementation accepts. */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

/** The hash and HMAC objects of `node:crypto`. */
export interface NodeHash {
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
  readonly crypto?: NodeCryptoLike | undefined;
  readonly ctor: Sha256Constructor;
  hashHex(data: string | Uint8Array): Promise<string>;
}

/** `data` as bytes (strings as UTF-8), without copying a view. */
export function toBytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}
