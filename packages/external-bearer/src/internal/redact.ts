const REDACTED = '[REDACTED]';
const EXCERPT_LIMIT = 300;

// Token-shaped runs: JWT-like dotted base64url groups, long hex or base64(url) runs, and shorter
// runs that mix letters and digits (opaque keys). Plain words and paths survive, so hints such as
// "run `sso login`" still reach the user.
const JWT_LIKE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*)?/g;
const LONG_RUN = /[A-Za-z0-9+/_=~.-]{32,}/g;
const MIXED_RUN = /[A-Za-z0-9+/_=~.-]{16,}/g;
const BEARER = /\b(bearer)(\s+)\S+/gi;
const ASSIGNED = /\b([A-Za-z_-]*(?:token|secret|password|passwd|key|credential)s?)(\s*[:=]\s*)\S+/gi;

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
    .replace(ASSIGNED, (_m, word: string, sep: string) => `${word}${sep}${REDACTED}`)
    .replace(JWT_LIKE, REDACTED)
    .replace(LONG_RUN, REDACTED)
    .replace(MIXED_RUN, (run) => (hasLetterAndDigit(run) ? REDACTED : run))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();
  if (out === '') return undefined;
  return out.length > EXCERPT_LIMIT ? `${out.slice(0, EXCERPT_LIMIT)}…` : out;
}
