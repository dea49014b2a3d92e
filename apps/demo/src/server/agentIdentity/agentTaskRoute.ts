import { verify } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { apiErrorBody } from '../sendError.js';
import { sendJson } from '../sendJson.js';
import type { AgentIdentityDirectory } from './agentIdentityDirectory.js';
import { checkAgentTimestamp } from './agentTimestamp.js';
import { sealTaskId } from './sealTaskId.js';

/** Where the server's authapi lives; clients get `<origin>` + this as their authapi base URL. */
export const AGENT_AUTHAPI_PATH = '/api/accounts';

const REGISTER_ROUTE = /^\/api\/accounts\/v1\/agent\/([^/]+)\/task\/register$/;

/** The runtime id of a task registration path, or undefined for any other path. */
export function agentTaskRegistrationRuntime(path: string): string | undefined {
  const encoded = REGISTER_ROUTE.exec(path)?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/**
 * `POST /api/accounts/v1/agent/{agent_runtime_id}/task/register` with JSON `{timestamp, signature}`:
 * the identity must be trusted, the timestamp RFC 3339 UTC within five minutes, and the signature
 * Ed25519 by the identity's key over `"{agent_runtime_id}:{timestamp}"`. Then a new task id is
 * issued, as `task_id` or, sealed to the identity's X25519 key, as `encrypted_task_id` (the
 * directory's mode decides). Refusals are in OpenAI's error shape: 400 for a malformed body, 401
 * for an unknown identity, a stale timestamp or a bad signature.
 */
export function answerAgentTaskRegistration(
  res: ServerResponse,
  runtimeId: string,
  body: Buffer,
  directory: AgentIdentityDirectory,
): void {
  const { status, answer } = registrationAnswer(runtimeId, body, directory);
  sendJson(res, status, answer);
}

function registrationAnswer(
  runtimeId: string,
  body: Buffer,
  directory: AgentIdentityDirectory,
): { status: number; answer: unknown } {
  const refuse = (status: 400 | 401, code: string, message: string, param?: string) => ({
    status,
    answer: apiErrorBody({ message, type: 'invalid_request_error', code, param: param ?? null }),
  });
  let payload: { timestamp?: unknown; signature?: unknown };
  try {
    payload = JSON.parse(body.toString('utf8')) as typeof payload;
    if (typeof payload !== 'object' || payload === null) throw new SyntaxError('not an object');
  } catch {
    return refuse(400, 'invalid_json', 'the body must be a JSON object {timestamp, signature}');
  }
  const { timestamp, signature } = payload;
  if (typeof timestamp !== 'string')
    return refuse(400, 'missing_required_parameter', "Missing 'timestamp'.", 'timestamp');
  if (typeof signature !== 'string')
    return refuse(400, 'missing_required_parameter', "Missing 'signature'.", 'signature');
  const identity = directory.identity(runtimeId);
  if (!identity)
    return refuse(401, 'unknown_agent_identity', 'This server does not know that agent runtime.');
  const when = checkAgentTimestamp(timestamp);
  if (when === 'malformed')
    return refuse(400, 'invalid_timestamp', 'timestamp must be RFC 3339 UTC in whole seconds', 'timestamp');
  if (when === 'outside')
    return refuse(
      401,
      'stale_timestamp',
      "timestamp is more than 5 minutes from the server's clock",
      'timestamp',
    );
  const signed = Buffer.from(`${runtimeId}:${timestamp}`, 'utf8');
  if (!verify(null, signed, identity.publicKey, Buffer.from(signature, 'base64')))
    return refuse(401, 'invalid_agent_signature', 'The registration signature does not verify.', 'signature');
  const { taskId, encrypted } = directory.issue(runtimeId);
  return {
    status: 200,
    answer: encrypted
      ? { encrypted_task_id: sealTaskId(identity.x25519PublicKey, taskId) }
      : { task_id: taskId },
  };
}
