import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header carrying the control secret to `POST /demo/mint` and `POST /demo/expire`. */
export const CONTROL_SECRET_HEADER = 'x-xdemo-control-secret';

/** A fresh per-run secret: 32 random bytes, base64url. */
export function newControlSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * True when the header value is the secret. Both sides are hashed first, so the comparison takes
 * the same time whatever the value's length and wherever it differs.
 */
export function controlSecretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}
