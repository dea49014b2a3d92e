import { AuthStoreError } from '../errors.js';
import type { AgentIdentity, AgentIdentityRecord } from './authDotJson.js';
import { AgentIdentityRecordSchema } from './authDotJson.js';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const REQUIRED_CLAIMS = ['agent_runtime_id', 'agent_private_key'] as const;

function invalid(where: string, problem: string): AuthStoreError {
  return new AuthStoreError(
    'AGENT_IDENTITY_INVALID',
    `${where} is not a valid Agent Identity JWT: ${problem}`,
  );
}

/**
 * The claims of an Agent Identity JWT as a record. Only the payload is decoded: like Codex without
 * trusted signing keys, the signature is not checked. A malformed token is refused with
 * AGENT_IDENTITY_INVALID naming the problem (shape, base64url, JSON, a missing or mistyped claim)
 * and `where` it came from, never its content.
 * @public
 */
export function decodeAgentIdentityJwt(token: string, where: string): AgentIdentityRecord {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((part) => part === '')) {
    throw invalid(where, 'expected three non-empty parts separated by dots');
  }
  const payload = parts[1] as string;
  if (!BASE64URL.test(payload)) throw invalid(where, 'the payload is not base64url');
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid(where, 'the payload is not JSON');
  }
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) {
    throw invalid(where, 'the payload is not a JSON object');
  }
  const object = claims as Record<string, unknown>;
  for (const claim of REQUIRED_CLAIMS) {
    if (typeof object[claim] !== 'string' || object[claim] === '') {
      throw invalid(where, `the claim ${claim} is missing`);
    }
  }
  const parsed = AgentIdentityRecordSchema.safeParse(object);
  if (!parsed.success) {
    // Only claim names, never a value.
    const names = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
    throw invalid(where, `the claims ${names.join(', ')} have the wrong type`);
  }
  return parsed.data;
}

/** The record of an `agent_identity` in either form; `where` names it in errors. */
export function agentIdentityRecordOf(identity: AgentIdentity, where: string): AgentIdentityRecord {
  return typeof identity === 'string' ? decodeAgentIdentityJwt(identity, where) : identity;
}
