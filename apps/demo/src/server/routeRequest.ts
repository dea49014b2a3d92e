import type { IncomingMessage, ServerResponse } from 'node:http';
import { agentTaskRegistrationRuntime, answerAgentTaskRegistration } from './agentIdentity/agentTaskRoute.js';
import { answerChatCompletions } from './chatRoute.js';
import { answerControl, isControlPath } from './controlRoutes.js';
import { type CredentialPolicy, checkCredential } from './credentialCheck.js';
import type { CredentialKind } from './credentialVerdict.js';
import { FAIL_HEADER, type FailureInjector } from './failureInjector.js';
import { parseJsonBody } from './parseJsonBody.js';
import { DEMO_MODELS } from './responsesApi.js';
import { answerResponses } from './responsesRoute.js';
import { apiErrorBody, sendError } from './sendError.js';
import { sendJson } from './sendJson.js';

/** What the server counts: accepted requests by credential kind, refusals by status, answers by format. */
export interface ServerStats {
  verified: Record<CredentialKind, number>;
  rejected: Record<string, number>;
  responses: { json: number; sse: number };
  chat: { json: number; sse: number };
  /** Agent task ids issued, by how they were sent. */
  agentTasks: { plain: number; encrypted: number };
}

export interface RouteContext {
  policy: CredentialPolicy;
  controlSecret: string;
  failures: FailureInjector;
  stats: ServerStats;
}

/** The API routes, each under `/v1` and `/openai/v1`, and the method each takes. */
const ENDPOINTS = { models: 'GET', responses: 'POST', 'chat/completions': 'POST' } as const;
type Endpoint = keyof typeof ENDPOINTS;

/**
 * Routes one request whose Host and body were accepted: the control routes, the Agent Identity
 * task registration, else verify the credential (401 or AWS-style 403), then any failure asked for with `x-xdemo-fail`, then the API.
 */
export async function routeRequest(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  context: RouteContext,
): Promise<void> {
  const { stats } = context;
  const count = (status: number): void => {
    stats.rejected[status] = (stats.rejected[status] ?? 0) + 1;
  };
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method === 'POST' && isControlPath(path))
    return answerControl(req, res, path, body, {
      minter: context.policy.minter,
      agents: context.policy.agents,
      secret: context.controlSecret,
      rejected: stats.rejected,
    });
  // The authapi's task registration: authenticated by the identity's own signature.
  const agentRuntime = req.method === 'POST' ? agentTaskRegistrationRuntime(path) : undefined;
  if (agentRuntime !== undefined) {
    answerAgentTaskRegistration(res, agentRuntime, body, context.policy.agents);
    if (res.statusCode >= 400) count(res.statusCode);
    return;
  }
  const endpoint = /^\/(?:openai\/)?v1\/(models|responses|chat\/completions)$/.exec(path)?.[1] as
    | Endpoint
    | undefined;
  if (!endpoint)
    return sendError(res, 404, {
      message: `no route for ${req.method} ${path}`,
      type: 'invalid_request_error',
      code: 'unknown_url',
    });

  const verdict = await checkCredential(
    { method: req.method ?? 'GET', target: req.url ?? '/', headers: req.headers, body },
    context.policy,
  );
  if (!verdict.ok) {
    count(verdict.status);
    const error = { message: verdict.message, type: 'invalid_request_error', code: verdict.code };
    if (verdict.status === 403) {
      // AWS's shape (`message`, `x-amzn-errortype`) for AWS clients, OpenAI's (`error`) for the rest.
      res.setHeader('x-amzn-errortype', verdict.code);
      return sendJson(res, 403, { message: verdict.message, ...apiErrorBody(error) });
    }
    return sendError(res, 401, error);
  }
  stats.verified[verdict.kind]++;
  res.setHeader('x-demo-verified', verdict.kind);

  const fail = context.failures.check(req.headers[FAIL_HEADER]);
  if (fail.kind === 'invalid') {
    count(400);
    return sendError(res, 400, {
      message: fail.message,
      type: 'invalid_request_error',
      param: FAIL_HEADER,
      code: 'invalid_fail_header',
    });
  }
  if (fail.kind === 'fail') {
    count(fail.failure.status);
    for (const [name, value] of Object.entries(fail.failure.headers)) res.setHeader(name, value);
    return sendError(res, fail.failure.status, fail.failure.error);
  }

  if (req.method !== ENDPOINTS[endpoint]) {
    res.setHeader('allow', ENDPOINTS[endpoint]);
    return sendError(res, 405, {
      message: `use ${ENDPOINTS[endpoint]} for /${endpoint}`,
      type: 'invalid_request_error',
      code: 'method_not_allowed',
    });
  }
  if (endpoint === 'models') {
    const created = 1_700_000_000;
    return sendJson(res, 200, {
      object: 'list',
      data: DEMO_MODELS.map((id) => ({ id, object: 'model', created, owned_by: 'xdemo' })),
    });
  }
  // Both answering endpoints take one JSON object: parsed here, once.
  const parsed = await parseJsonBody(body, req.headers);
  if (!parsed.ok) return sendError(res, parsed.status, parsed.error);
  if (endpoint === 'responses') return answerResponses(res, parsed.payload, verdict.kind, stats.responses);
  return answerChatCompletions(res, parsed.payload, verdict.kind, stats.chat);
}
