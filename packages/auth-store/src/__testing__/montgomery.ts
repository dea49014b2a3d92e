import { createPrivateKey, createPublicKey } from 'node:crypto';

const P = 2n ** 255n - 19n;

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

/**
 * The X25519 public key that belongs to an Ed25519 key (the birational map u = (1 + y) / (1 - y)
 * applied to its public key, as libsodium's `crypto_sign_ed25519_pk_to_curve25519`). Computed from
 * the public key alone, so it checks the secret-key derivation of the code under test independently.
 */
export function x25519PublicOfEd25519(privateKeyBase64: string): Uint8Array {
  const privateKey = createPrivateKey({
    key: Buffer.from(privateKeyBase64, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  const raw = Buffer.from(String(createPublicKey(privateKey).export({ format: 'jwk' }).x), 'base64url');
  const bytes = Uint8Array.from(raw);
  bytes[31] = (bytes[31] as number) & 0x7f;
  const y = BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
  const u = ((1n + y) * power((1n - y + P) % P, P - 2n)) % P;
  return Uint8Array.from(Buffer.from(u.toString(16).padStart(64, '0'), 'hex').reverse());
}
