import type { AuthDotJson } from './authDotJson.js';
import { jwtClaims } from './jwt.js';

// Keep at most this many levels of a foreign error's own causes.
const MAX_DEPTH = 4;

/**
 * A copy of a foreign error (from fetch, a host callback, the native keyring) fit to keep as the
 * `cause` of our errors: its name, message and code, and the same for its own causes, with every
 * known secret replaced by `[redacted]`. Other properties (request options, bodies, headers) are
 * dropped, and the stack is not copied since it repeats the message.
 */
export function scrubCause(cause: unknown, secrets: readonly (string | null | undefined)[]): Error {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const clean = (text: string): string =>
    known.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  const copy = (value: unknown, depth: number): Error => {
    if (!(value instanceof Error)) {
      return new Error(
        typeof value === 'string' ? clean(value) : `a non-Error value (${typeof value}) was thrown`,
      );
    }
    const next =
      value.cause !== undefined && depth < MAX_DEPTH ? { cause: copy(value.cause, depth + 1) } : undefined;
    const out = new Error(clean(value.message), next);
    out.name = clean(value.name);
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number')
      Object.assign(out, { code: clean(String(code)) });
    out.stack = `${out.name}: ${out.message}`;
    return out;
  };
  return copy(cause, 0);
}

/** Every secret string an auth.json document holds, for {@link scrubCause}. */
export function secretValues(dot: AuthDotJson | null | undefined): string[] {
  if (!dot) return [];
  const values = [
    dot.OPENAI_API_KEY,
    dot.personal_access_token,
    dot.bedrock_api_key?.api_key,
    dot.tokens?.id_token,
    dot.tokens?.access_token,
    dot.tokens?.refresh_token,
    typeof dot.agent_identity === 'string' ? dot.agent_identity : dot.agent_identity?.agent_private_key,
    typeof dot.agent_identity === 'string' ? jwtClaims(dot.agent_identity)?.agent_private_key : undefined,
  ];
  return values.filter((v): v is string => typeof v === 'string');
}
