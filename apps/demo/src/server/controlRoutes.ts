import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AgentIdentityDirectory } from './agentIdentity/agentIdentityDirectory.js';
import { CONTROL_SECRET_HEADER, controlSecretMatches } from './controlSecret.js';
import { apiErrorBody, sendError } from './sendError.js';
import { sendJson } from './sendJson.js';
import type { TokenMinter } from './tokenMinter.js';

/** The route where the demo tooling tells the server about an Agent Identity it made. */
export const AGENT_IDENTITY_CONTROL_PATH = '/demo/agent-identities';

const CONTROL_PATHS = ['/demo/mint', '/demo/expire', AGENT_IDENTITY_CONTROL_PATH] as const;
export type ControlPath = (typeof CONTROL_PATHS)[number];

export function isControlPath(path: string): path is ControlPath {
  return (CONTROL_PATHS as readonly string[]).includes(path);
}

export interface ControlContext {
  minter: TokenMinter;
  agents: AgentIdentityDirectory;
  secret: string;
  rejected: Record<string, number>;
}

/**
 * `POST /demo/mint` (a short-lived token for the token command), `POST /demo/expire` (expire every
 * minted token) and `POST /demo/agent-identities` (trust an Agent Identity: JSON
 * `{agent_runtime_id, public_key, account_id?}`, the public key as standard base64 of SPKI DER),
 * only for a caller holding this run's control secret. Anyone else gets a 401, counted in
 * `rejected`, and nothing is minted, expired or trusted.
 */
export function answerControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: ControlPath,
  body: Buffer,
  control: ControlContext,
): void {
  if (!controlSecretMatches(req.headers[CONTROL_SECRET_HEADER], control.secret)) {
    control.rejected[401] = (control.rejected[401] ?? 0) + 1;
    sendError(res, 401, {
      message: `${path} needs this run's control secret in the ${CONTROL_SECRET_HEADER} header`,
      type: 'invalid_request_error',
      code: 'invalid_control_secret',
    });
  } else if (path === '/demo/expire') {
    sendJson(res, 200, { expired: control.minter.expireAll() });
  } else if (path === AGENT_IDENTITY_CONTROL_PATH) {
    const { status, answer } = trustAgentIdentity(body, control.agents);
    sendJson(res, status, answer);
  } else {
    const { token, expiresAt } = control.minter.mint();
    sendJson(res, 200, { token, expires_at: expiresAt.toISOString() });
  }
}

/** Trusts the identity in `body`: 200 `{trusted}`, or a 400 naming the field at fault. */
function trustAgentIdentity(
  body: Buffer,
  agents: AgentIdentityDirectory,
): { status: number; answer: unknown } {
  const invalid = (message: string, param: string) => ({
    status: 400,
    answer: apiErrorBody({ message, type: 'invalid_request_error', param, code: 'invalid_agent_identity' }),
  });
  let grant: Record<string, unknown>;
  try {
    grant = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (typeof grant !== 'object' || grant === null) throw new SyntaxError('not an object');
  } catch {
    return invalid('the body must be a JSON object {agent_runtime_id, public_key, account_id?}', 'body');
  }
  const { agent_runtime_id: runtimeId, public_key: publicKey, account_id: accountId } = grant;
  if (typeof runtimeId !== 'string' || runtimeId === '')
    return invalid('agent_runtime_id must be a non-empty string', 'agent_runtime_id');
  if (accountId !== undefined && typeof accountId !== 'string')
    return invalid('account_id must be a string', 'account_id');
  try {
    if (typeof publicKey !== 'string') throw new TypeError('not a string');
    agents.trust({ runtimeId, publicKey, ...(accountId === undefined ? {} : { accountId }) });
  } catch {
    return invalid('public_key must be standard base64 of an Ed25519 public key in SPKI DER', 'public_key');
  }
  return { status: 200, answer: { trusted: runtimeId } };
}
