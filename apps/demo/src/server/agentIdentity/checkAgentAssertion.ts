import { verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CredentialVerdict } from '../credentialVerdict.js';
import type { AgentIdentityDirectory } from './agentIdentityDirectory.js';
import { checkAgentTimestamp } from './agentTimestamp.js';

/** The assertion's keys, in the (sorted) order clients must send them. */
const ASSERTION_KEYS = ['agent_runtime_id', 'signature', 'task_id', 'timestamp'] as const;

const refuse = (code: string, message: string): CredentialVerdict => ({
  ok: false,
  status: 401,
  code,
  message,
});

/**
 * Verifies `authorization: AgentAssertion <base64url JSON>`: the four keys in sorted order, all
 * strings; an identity the server trusts; an Ed25519 signature by that identity's key over
 * `"{agent_runtime_id}:{task_id}:{timestamp}"`; a task id this server issued to that identity; a
 * timestamp within five minutes of now; and the identity's `chatgpt-account-id`. Every refusal is a
 * 401 that names what failed, never the assertion.
 */
export function checkAgentAssertion(
  encoded: string,
  headers: IncomingHttpHeaders,
  directory: AgentIdentityDirectory,
  now: number = Date.now(),
): CredentialVerdict {
  let claims: Record<string, unknown>;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw new SyntaxError('not base64url');
    const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new SyntaxError('not an object');
    claims = parsed as Record<string, unknown>;
  } catch {
    return refuse('invalid_agent_assertion', 'The AgentAssertion is not base64url-encoded JSON.');
  }
  if (
    Object.keys(claims).join() !== ASSERTION_KEYS.join() ||
    ASSERTION_KEYS.some((key) => typeof claims[key] !== 'string')
  ) {
    return refuse(
      'invalid_agent_assertion',
      `The AgentAssertion must hold exactly ${ASSERTION_KEYS.join(', ')}, in that order, as strings.`,
    );
  }
  const {
    agent_runtime_id: runtimeId,
    signature,
    task_id: taskId,
    timestamp,
  } = claims as Record<(typeof ASSERTION_KEYS)[number], string>;
  const identity = directory.identity(runtimeId);
  if (!identity) return refuse('unknown_agent_identity', 'This server does not know that agent runtime.');
  const signed = Buffer.from(`${runtimeId}:${taskId}:${timestamp}`, 'utf8');
  if (!verify(null, signed, identity.publicKey, Buffer.from(signature, 'base64')))
    return refuse('invalid_agent_signature', "The AgentAssertion's signature does not verify.");
  if (!directory.issuedTo(taskId, runtimeId))
    return refuse(
      'unknown_agent_task',
      'The AgentAssertion names a task this server did not issue to that agent.',
    );
  const when = checkAgentTimestamp(timestamp, now);
  if (when !== 'ok')
    return refuse(
      'agent_assertion_expired',
      when === 'malformed'
        ? "The AgentAssertion's timestamp is not RFC 3339 UTC in whole seconds."
        : "The AgentAssertion's timestamp is more than 5 minutes from the server's clock.",
    );
  if (identity.accountId !== null && headers['chatgpt-account-id'] !== identity.accountId)
    return refuse('account_mismatch', "The chatgpt-account-id header is not the agent identity's account.");
  return { ok: true, kind: 'agent-identity' };
}
