import { looksRandomLetters } from './randomLetters.js';

const REDACTED = '[REDACTED]';
const EXCERPT_LIMIT = 300;

// Token-shaped runs: JWT-like dotted base64url groups, long hex or base64(url) runs, and shorter
// runs that mix letters and digits (opaque keys). Plain words and paths survive, so hints such as
// "run `sso login`" still reach the user.
const JWT_LIKE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?/g;
const LONG_RUN = /[A-Za-z0-9+/_=~.-]{32,}/g;
const MIXED_RUN = /[A-Za-z0-9+/_=~.-]{16,}/g;
const LETTER_RUN = /[A-Za-z]{16,}/g;
const BEARER = /\b(bearer)(\s+)\S+/gi;
// `scheme://user:password@host`: the password goes, the user and host stay.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:)[^\s@/]+@/gi;
// A secret-named key, bare or quoted (`password=`, `"client_secret": `, `token : `), and its value,
// bare (up to the next space) or quoted (it may hold spaces and escaped quotes).
const SECRET_KEY = '[A-Za-z_-]*(?:token|secret|password|passwd|passphrase|pwd|key|credential)s?';
const VALUE = `("(?:[^"\\\\\\n]|\\\\.)*"?|'[^'\\n]*'?|\\S+)`;
const ASSIGNED = new RegExp(`\\b(${SECRET_KEY}["']?)(\\s*[:=]\\s*)${VALUE}`, 'gi');
// A command-line flag and the value after it: `--password hunter2`.
const FLAG = new RegExp(`(--${SECRET_KEY})(\\s+)${VALUE}`, 'gi');

/** `[REDACTED]` in place of a value, keeping its quotes so the rest of the line still reads well. */
function hide(value: string): string {
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  return quote === ''
    ? REDACTED
    : `${quote}${REDACTED}${value.endsWith(quote) && value.length > 1 ? quote : ''}`;
}

function hasLetterAndDigit(text: string): boolean {
  return /[A-Za-z]/.test(text) && /[0-9]/.test(text);
}

/**
 * Removes known secrets (whole and line by line) and anything token-shaped from `text`, then
 * collapses whitespace and cuts it to a short excerpt. Returns undefined when nothing useful is left.
 */
export function redactExcerpt(text: string, secrets: readonly string[]): string | undefined {
  let out = text;
  const pieces = new Set<string>();
  for (const secret of secrets) {
    const trimmed = secret.trim();
    if (trimmed.length >= 4) pieces.add(trimmed);
    // Whitespace and JSON punctuation separate parts: a token inside `{"token": "..."}` is one.
    for (const part of trimmed.split(/[\s"'{}[\],]+/)) if (part.length >= 6) pieces.add(part);
  }
  // Longest first, so a secret containing another is removed whole.
  for (const piece of [...pieces].sort((a, b) => b.length - a.length)) out = out.split(piece).join(REDACTED);
  out = out
    .replace(BEARER, (_m, word: string, sep: string) => `${word}${sep}${REDACTED}`)
    .replace(URL_PASSWORD, (_m, head: string) => `${head}${REDACTED}@`)
    .replace(ASSIGNED, (_m, word: string, sep: string, value: string) => `${word}${sep}${hide(value)}`)
    .replace(FLAG, (_m, flag: string, sep: string, value: string) => `${flag}${sep}${hide(value)}`)
    .replace(JWT_LIKE, REDACTED)
    .replace(LONG_RUN, REDACTED)
    .replace(MIXED_RUN, (run) => (hasLetterAndDigit(run) ? REDACTED : run))
    .replace(LETTER_RUN, (run) => (looksRandomLetters(run) ? REDACTED : run))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();
  if (out === '') return undefined;
  return out.length > EXCERPT_LIMIT ? `${out.slice(0, EXCERPT_LIMIT)}…` : out;
}
