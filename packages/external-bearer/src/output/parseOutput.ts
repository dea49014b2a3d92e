import { parseExpiry } from './parseExpiry.js';
import { refuse } from './refuse.js';
import { validateToken } from './validateToken.js';

/** A token read from the command's stdout, with its expiry when the output states one. */
export interface MintedToken {
  token: string;
  expiresAt?: number | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decodes stdout as strict UTF-8 and reads the token: the whole trimmed text (`'text'`), or
 * `{"token", "expires_at"}` / a Kubernetes ExecCredential (`status.token`,
 * `status.expirationTimestamp`) for `'json'`. Messages never include the output itself.
 */
export function parseOutput(
  stdout: Uint8Array,
  output: 'text' | 'json',
  label: string,
  now: number,
): MintedToken {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(stdout);
  } catch {
    return refuse('NON_UTF8', label, 'wrote non-UTF-8 data to stdout');
  }
  if (output === 'text') return { token: validateToken(text, label) };
  if (text.trim() === '') refuse('EMPTY_TOKEN', label, 'produced an empty token');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('INVALID_JSON', label, 'wrote stdout that is not valid JSON');
  }
  if (!isRecord(parsed)) return refuse('INVALID_JSON', label, 'wrote JSON that is not an object');
  // Kubernetes client-go exec plugins: kind ExecCredential with the token under `status`.
  const holder = isRecord(parsed.status) ? parsed.status : parsed;
  const tokenValue = holder === parsed ? parsed.token : holder.token;
  const expiryValue = holder === parsed ? parsed.expires_at : holder.expirationTimestamp;
  if (typeof tokenValue !== 'string') {
    return refuse('INVALID_JSON', label, 'wrote JSON without a string `token` (or `status.token`) field');
  }
  const token = validateToken(tokenValue, label);
  const expiresAt = parseExpiry(expiryValue, label);
  if (expiresAt === undefined) return { token };
  if (expiresAt <= now) refuse('EXPIRED_OUTPUT', label, 'returned a token that has already expired');
  return { token, expiresAt };
}
