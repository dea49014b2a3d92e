import type { KeyObject } from 'node:crypto';
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { AuthStoreError } from '../errors.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** An Agent Identity's Ed25519 key, parsed once; holds no printable secret. */
export interface AgentKey {
  /** First 16 hex digits of SHA-256 over the DER bytes: names the key without revealing it. */
  readonly fingerprint: string;
  /** Standard base64 of the Ed25519 signature over `message` (UTF-8). */
  sign(message: string): string;
  /** The 32-byte Ed25519 seed (for deriving the X25519 key that opens sealed task ids). */
  seed(): Uint8Array;
}

let last: { text: string; key: AgentKey } | null = null;

function invalidKey(where: string): AuthStoreError {
  return new AuthStoreError(
    'AGENT_IDENTITY_INVALID',
    `agent_private_key of ${where} is not the base64 of an Ed25519 private key in PKCS#8 DER`,
  );
}

/**
 * Parses `agent_private_key` (standard base64 of PKCS#8 DER) with `node:crypto`; refused with
 * AGENT_IDENTITY_INVALID naming `where`, never the key. The last key parsed is reused.
 */
export function agentKey(text: string, where: string): AgentKey {
  if (last?.text === text) return last.key;
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw invalidKey(where);
  const der = Buffer.from(compact, 'base64');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw invalidKey(where);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw invalidKey(where);
  const key: AgentKey = Object.freeze({
    fingerprint: createHash('sha256').update(der).digest('hex').slice(0, 16),
    sign: (message: string) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
    seed: () => new Uint8Array(Buffer.from(String(privateKey.export({ format: 'jwk' }).d), 'base64url')),
  });
  last = { text, key };
  return key;
}

/** RFC 3339 UTC with whole seconds and `Z`, e.g. `2026-12-03T07:39:04Z`. */
export function rfc3339Seconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
