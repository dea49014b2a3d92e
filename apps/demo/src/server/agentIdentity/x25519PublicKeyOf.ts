import type { KeyObject } from 'node:crypto';

/** The field prime of Curve25519 and Edwards25519, 2^255 - 19. */
const FIELD = (1n << 255n) - 19n;

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let square = ((base % FIELD) + FIELD) % FIELD;
  for (let bits = exponent; bits > 0n; bits >>= 1n) {
    if (bits & 1n) result = (result * square) % FIELD;
    square = (square * square) % FIELD;
  }
  return result;
}

function littleEndianToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] as number);
  return value;
}

function bigIntToLittleEndian(value: bigint, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let rest = value;
  for (let i = 0; i < length; i++) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

/**
 * The X25519 public key of the same secret as an Ed25519 public key: the Edwards point's `y` mapped
 * to the Montgomery `u = (1 + y) / (1 - y) mod p`. The server learns only public keys, and seals
 * task ids to this one; the client opens them with the X25519 secret it derives from its Ed25519
 * seed (SHA-512 of the seed, clamped).
 */
export function x25519PublicKeyOf(ed25519PublicKey: KeyObject): Uint8Array {
  const jwk = ed25519PublicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw new TypeError('expected an Ed25519 public key');
  const encoded = Uint8Array.from(Buffer.from(jwk.x, 'base64url'));
  // The top bit carries the sign of x, which the Montgomery form does not need.
  encoded[31] = (encoded[31] as number) & 0x7f;
  const y = littleEndianToBigInt(encoded);
  const inverse = modPow(1n - y, FIELD - 2n);
  return bigIntToLittleEndian(((1n + y) * inverse) % FIELD, 32);
}
