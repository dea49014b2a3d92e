import { blake2b } from '@noble/hashes/blake2.js';
import nacl from 'tweetnacl';

/**
 * A task id as an anonymous sealed box (libsodium's `crypto_box_seal`) to an X25519 public key,
 * standard base64: a fresh ephemeral key pair, the nonce BLAKE2b with a 24-byte output over the
 * ephemeral public key then the recipient's, and `crypto_box` (X25519, XSalsa20-Poly1305) of the id
 * from the ephemeral secret to the recipient. The result is the ephemeral public key followed by
 * the box; only the recipient's secret key opens it.
 */
export function sealTaskId(recipientPublicKey: Uint8Array, taskId: string): string {
  const ephemeral = nacl.box.keyPair();
  const nonce = blake2b(Buffer.concat([ephemeral.publicKey, recipientPublicKey]), { dkLen: 24 });
  const box = nacl.box(new TextEncoder().encode(taskId), nonce, recipientPublicKey, ephemeral.secretKey);
  return Buffer.concat([ephemeral.publicKey, box]).toString('base64');
}
