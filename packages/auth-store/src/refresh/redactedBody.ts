/** At most this many characters of a failed response's body are quoted in an error. */
export const MAX_QUOTED_BODY = 512;

// JWTs, and long runs of base64 or hex, which is how keys, tokens and signatures look.
const TOKEN_LIKE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*|[A-Za-z0-9+/_-]{32,}={0,2}/g;

/**
 * A failed response's body fit to quote in an error: every known secret and anything that looks
 * like a token, key or signature replaced by `[redacted]` (before shortening, so a secret cut in
 * two cannot survive), then at most {@link MAX_QUOTED_BODY} characters.
 */
export function redactedBody(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (typeof secret === 'string' && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  out = out.replace(TOKEN_LIKE, '[redacted]').trim();
  return out.length > MAX_QUOTED_BODY ? `${out.slice(0, MAX_QUOTED_BODY - 3)}...` : out;
}
