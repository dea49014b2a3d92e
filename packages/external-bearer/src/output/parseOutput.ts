import { CommandTokenError } from '../errors.js';
import { parseExpiry } from './parseExpiry.js';

/** A token read from the command's stdout, with its expiry when the output states one. */
export interface MintedToken {
  token: string;
  expiresAt?: number;
}

// Visible ASCII only: no spaces, controls, CR/LF or non-ASCII, so the token is safe in a header value.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

function fail(code: string, label: string, text: string): never {
  throw new CommandTokenError(code, `provider auth command \`${label}\` ${text}`);
}

function checkToken(token: string, label: string): string {
  const trimmed = token.trim();
  if (trimmed === '') fail('EMPTY_TOKEN', label, 'produced an empty token');
  if (!HEADER_SAFE.test(trimmed)) {
    fail(
      'INVALID_TOKEN',
      label,
      'produced a token that is not safe in an HTTP header (spaces, control or non-ASCII characters)',
    );
  }
  return trimmed;
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
    return fail('NON_UTF8', label, 'wrote non-UTF-8 data to stdout');
  }
  if (output === 'text') return { token: checkToken(text, label) };
  if (text.trim() === '') fail('EMPTY_TOKEN', label, 'produced an empty token');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('INVALID_JSON', label, 'wrote stdout that is not valid JSON');
  }
  if (!isRecord(parsed)) return fail('INVALID_JSON', label, 'wrote JSON that is not an object');
  // Kubernetes client-go exec plugins: kind ExecCredential with the token under `status`.
  const holder = isRecord(parsed.status) ? parsed.status : parsed;
  const tokenValue = holder === parsed ? parsed.token : holder.token;
  const expiryValue = holder === parsed ? parsed.expires_at : holder.expirationTimestamp;
  if (typeof tokenValue !== 'string') {
    return fail('INVALID_JSON', label, 'wrote JSON without a string `token` (or `status.token`) field');
  }
  const token = checkToken(tokenValue, label);
  const expiresAt = parseExpiry(expiryValue, label);
  if (expiresAt === undefined) return { token };
  if (expiresAt <= now) fail('EXPIRED_OUTPUT', label, 'returned a token that has already expired');
  return { token, expiresAt };
}
