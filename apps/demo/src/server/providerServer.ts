import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AwsCredentials } from '@x/aws-auth';
import { AgentIdentityDirectory, type TaskIdMode } from './agentIdentity/agentIdentityDirectory.js';
import { AGENT_AUTHAPI_PATH } from './agentIdentity/agentTaskRoute.js';
import { newControlSecret } from './controlSecret.js';
import type { CredentialPolicy } from './credentialCheck.js';
import { FailureInjector } from './failureInjector.js';
import { isLoopbackHost } from './loopbackHost.js';
import { BodyTooLargeError, readBody } from './readBody.js';
import { type RouteContext, routeRequest, type ServerStats } from './routeRequest.js';
import { sendError } from './sendError.js';
import { setCommonHeaders } from './sendJson.js';
import { TokenMinter } from './tokenMinter.js';

export interface ProviderServerOptions {
  apiKeys?: Iterable<string>;
  bedrockApiKeys?: Iterable<string>;
  /** The static keys SigV4 requests must be signed with, and the scope they must use. */
  aws: { credentials: AwsCredentials; region: string; services: readonly string[] };
  /** Lifetime of minted command tokens. Default 10 minutes. */
  tokenTtlMs?: number;
  /** How Agent Identity task ids are sent: `task_id`, sealed `encrypted_task_id`, or taking turns (default). */
  agentTaskIds?: TaskIdMode;
  port?: number;
}

export interface ProviderServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** OpenAI-style base URL: `<origin>/v1`. */
  openaiBaseUrl: string;
  /** Bedrock-style base URL: `<origin>/openai/v1`. */
  bedrockBaseUrl: string;
  /** The authapi base URL for `CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL`: `<origin>/api/accounts`. */
  agentAuthapiBaseUrl: string;
  minter: TokenMinter;
  /** The Agent Identities the server trusts (told through `POST /demo/agent-identities`) and their tasks. */
  agents: AgentIdentityDirectory;
  /**
   * The per-run secret `POST /demo/mint` and `POST /demo/expire` require in the
   * `x-xdemo-control-secret` header; only the server's own tools get it. A function, so the value
   * never shows when the server object is inspected or serialized.
   */
  controlSecret(): string;
  /** Accepted requests by credential kind, rejected ones by status, Responses answers by format. */
  stats: ServerStats;
  addApiKey(key: string): void;
  addBedrockApiKey(key: string): void;
  close(): Promise<void>;
}

/**
 * An OpenAI-compatible server on 127.0.0.1 that verifies every credential it receives: `GET /models`,
 * `POST /responses` and `POST /chat/completions` (JSON or SSE) under `/v1` and `/openai/v1`, errors
 * in OpenAI's shape, failures on demand (`x-xdemo-fail`), plus `POST /demo/mint` (a short-lived
 * token for the demo's token command), `POST /demo/expire` (expire every minted token) and
 * `POST /demo/agent-identities` (trust an Agent Identity's public key), all guarded by the per-run
 * control secret, and an authapi issuing Agent Identity tasks
 * (`POST /api/accounts/v1/agent/{id}/task/register`). Requests for any Host but a loopback one are refused.
 */
export async function startProviderServer(options: ProviderServerOptions): Promise<ProviderServer> {
  const apiKeys = new Set(options.apiKeys ?? []);
  const bedrockApiKeys = new Set(options.bedrockApiKeys ?? []);
  const minter = new TokenMinter(options.tokenTtlMs ?? 10 * 60 * 1000);
  const controlSecret = newControlSecret();
  const agents = new AgentIdentityDirectory(options.agentTaskIds);
  const policy: CredentialPolicy = { apiKeys, bedrockApiKeys, minter, agents, aws: options.aws };
  const stats: ServerStats = {
    verified: { 'api-key': 0, 'command-token': 0, 'bedrock-api-key': 0, sigv4: 0, 'agent-identity': 0 },
    rejected: {},
    responses: { json: 0, sse: 0 },
    chat: { json: 0, sse: 0 },
    agentTasks: agents.issued,
  };

  const context: RouteContext = { policy, controlSecret, failures: new FailureInjector(), stats };
  let port = 0;
  const server = createServer((req, res) => {
    setCommonHeaders(res);
    // Before anything else, body included: a request for any other host is a DNS-rebinding page or a
    // forged Host (which could make a signature for one path verify for another).
    if (!isLoopbackHost(req.headers.host, port)) {
      stats.rejected[421] = (stats.rejected[421] ?? 0) + 1;
      res.setHeader('connection', 'close');
      return sendError(res, 421, {
        message: `this server answers only requests for localhost, 127.0.0.1 or [::1] on port ${port}`,
        type: 'invalid_request_error',
        code: 'misdirected_request',
      });
    }
    readBody(req)
      .then((body) => routeRequest(req, res, body, context))
      .catch((error: unknown) => {
        if (error instanceof BodyTooLargeError) {
          // A raw body over the limit is not read to its end: close the connection once the answer is
          // out. A body that only inflated too far was read whole, so the connection stays usable.
          if (!error.decompressed) res.setHeader('connection', 'close');
          return sendError(res, 413, {
            message: error.message,
            type: 'invalid_request_error',
            code: 'request_too_large',
          });
        }
        sendError(res, 500, { message: 'internal error', type: 'server_error', code: 'internal_error' });
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    openaiBaseUrl: `${origin}/v1`,
    bedrockBaseUrl: `${origin}/openai/v1`,
    agentAuthapiBaseUrl: `${origin}${AGENT_AUTHAPI_PATH}`,
    minter,
    agents,
    controlSecret: () => controlSecret,
    stats,
    addApiKey: (key) => void apiKeys.add(key),
    addBedrockApiKey: (key) => void bedrockApiKeys.add(key),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
