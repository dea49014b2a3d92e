import { createHash } from 'node:crypto';
import { AuthStoreError } from '../errors.js';

const SEAL_PUBLIC_KEY_BYTES = 32;
const BOX_OVERHEAD_BYTES = 16;

function failed(message: string): AuthStoreError {
  return new AuthStoreError('AGENT_TASK_DECRYPT_FAILED', message);
}

/** The X25519 secret key of an Ed25519 seed: SHA-512 of the seed, first 32 bytes, clamped. */
export function x25519SecretOfSeed(seed: Uint8Array): Uint8Array {
  const secret = new Uint8Array(createHash('sha512').update(seed).digest().subarray(0, 32));
  secret[0] = (secret[0] as number) & 248;
  secret[31] = ((secret[31] as number) & 127) | 64;
  return secret;
}

async function loadSealedBoxLibraries() {
  try {
    const [loaded, blake2] = await Promise.all([import('tweetnacl'), import('@noble/hashes/blake2.js')]);
    // tweetnacl is CommonJS: from ESM its API is the default export.
    const nacl = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
    return { box: nacl.box, scalarMultBase: nacl.scalarMult.base, blake2b: blake2.blake2b };
  } catch {
    throw failed(
      'the authapi sent an encrypted task id, which needs the optional dependencies tweetnacl and @noble/hashes; install them',
    );
  }
}

/**
 * Opens an encrypted task id: the standard base64 of a libsodium sealed box (`crypto_box_seal`:
 * an ephemeral X25519 public key, then XSalsa20-Poly1305 under the nonce BLAKE2b-192(ephemeral
 * public key || recipient public key)) addressed to the X25519 key derived from the identity's
 * Ed25519 seed. The libraries are loaded only when such an id arrives.
 */
export async function openSealedTaskId(sealed: string, seed: Uint8Array): Promise<string> {
  const bytes = new Uint8Array(Buffer.from(sealed, 'base64'));
  if (bytes.length <= SEAL_PUBLIC_KEY_BYTES + BOX_OVERHEAD_BYTES) {
    throw failed('the encrypted task id is too short to be a sealed box');
  }
  const { box, scalarMultBase, blake2b } = await loadSealedBoxLibraries();
  const secret = x25519SecretOfSeed(seed);
  const ephemeral = bytes.subarray(0, SEAL_PUBLIC_KEY_BYTES);
  const nonceInput = new Uint8Array(SEAL_PUBLIC_KEY_BYTES * 2);
  nonceInput.set(ephemeral, 0);
  nonceInput.set(scalarMultBase(secret), SEAL_PUBLIC_KEY_BYTES);
  const nonce = blake2b(nonceInput, { dkLen: 24 });
  const opened = box.open(bytes.subarray(SEAL_PUBLIC_KEY_BYTES), nonce, ephemeral, secret);
  secret.fill(0);
  if (!opened) throw failed("the encrypted task id does not open with this identity's key");
  const taskId = Buffer.from(opened).toString('utf8');
  if (taskId.trim() === '') throw failed('the encrypted task id is empty');
  return taskId;
}
