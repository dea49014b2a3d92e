/** Claims of a JWT payload, or null when it is not a readable JWT. Signatures are not checked. */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** ChatGPT facts carried by an id token (claims under `https://api.openai.com/auth`). */
export interface IdTokenInfo {
  email: string | null;
  accountId: string | null;
  planType: string | null;
}

export function idTokenInfo(idToken: string): IdTokenInfo {
  const claims = jwtClaims(idToken) ?? {};
  const auth = (claims['https://api.openai.com/auth'] ?? {}) as Record<string, unknown>;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    email: str(claims.email),
    accountId: str(auth.chatgpt_account_id),
    planType: str(auth.chatgpt_plan_type),
  };
}

/** Expiry (ms since epoch) of a JWT, or null when absent or unreadable. */
export function jwtExpiry(token: string): number | null {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : null;
}
