import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rejectionOf } from '@x/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { agentJwt, agentRecord } from '../__testing__/agentIdentity.js';
import { type AuthapiServer, startAuthapiServer } from '../__testing__/authapiServer.js';
import { tempHome } from '../__testing__/tempHome.js';
import type { AgentIdentityRecord, AuthManager, HttpRequest, OpenAiAuthSource } from '../index.js';
import { AuthStoreError, createAuthManager, createOpenAiAuthSource } from '../index.js';

const servers: AuthapiServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** An authapi that trusts a fresh identity, and a manager logged in with it (record or JWT form). */
async function setup(
  options: { jwt?: boolean; record?: Partial<AgentIdentityRecord>; baseUrl?: string } = {},
) {
  const server = await startAuthapiServer();
  servers.push(server);
  const record = agentRecord(options.record);
  server.trust(record.agent_runtime_id, record.agent_private_key);
  const home = await tempHome();
  const env = { CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL: options.baseUrl ?? server.url };
  const manager = createAuthManager({ home, env });
  await manager.loginWithAgentIdentity(options.jwt ? agentJwt(record) : record);
  return { server, record, home, env, manager, source: createOpenAiAuthSource(manager) };
}

/** What a request pipeline does: authorize, send, and after a 401 recover once and resend. */
async function send(source: OpenAiAuthSource, url: string): Promise<{ status: number; sent: number }> {
  const attempt = async (): Promise<{ request: HttpRequest; response: Response }> => {
    const request = await source.authorize({ method: 'POST', url: `${url}/v1/responses`, headers: {} });
    return { request, response: await fetch(request.url, { method: 'POST', headers: request.headers }) };
  };
  const first = await attempt();
  if (first.response.status !== 401 || !(await source.recover(first.response, first.request))) {
    return { status: first.response.status, sent: 1 };
  }
  return { status: (await attempt()).response.status, sent: 2 };
}

/** The AuthStoreError `promise` rejects with (anything else fails the test). */
const storeErrorOf = (promise: Promise<unknown>): Promise<AuthStoreError> =>
  rejectionOf(promise, AuthStoreError);

describe('Agent Identity requests', () => {
  it('each request carries an AgentAssertion that verifies with the public key of the stored private key', async () => {
    const { server, record, source, manager } = await setup({ jwt: true });
    const request = await source.authorize({
      method: 'GET',
      url: `${server.url}/v1/models`,
      headers: { Authorization: 'x' },
    });
    const value = request.headers.authorization ?? '';
    const claims = JSON.parse(Buffer.from(value.replace(/^AgentAssertion /, ''), 'base64url').toString());
    expect(Object.keys(claims)).toEqual(['agent_runtime_id', 'signature', 'task_id', 'timestamp']);
    expect(value).not.toMatch(/=/);
    expect(claims.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(claims.task_id).toBe((await manager.agentTask()).taskId);
    const publicKey = createPublicKey(
      createPrivateKey({
        key: Buffer.from(record.agent_private_key, 'base64'),
        format: 'der',
        type: 'pkcs8',
      }),
    );
    const message = Buffer.from(`${record.agent_runtime_id}:${claims.task_id}:${claims.timestamp}`);
    expect(verify(null, message, publicKey, Buffer.from(claims.signature, 'base64'))).toBe(true);
    expect(request.headers).toEqual({ authorization: value, 'chatgpt-account-id': 'ws-agent' });
    expect(await send(source, server.url)).toEqual({ status: 200, sent: 1 });
    expect(server.refused).toEqual([]);
    expect(source.describe()).toMatchObject({ mode: 'agentIdentity' });
  });

  it('a FedRAMP account also sends x-openai-fedramp: true', async () => {
    const { server, source } = await setup({ record: { chatgpt_account_is_fedramp: true } });
    expect(await send(source, server.url)).toEqual({ status: 200, sent: 1 });
    expect(server.accepted[0]?.['x-openai-fedramp']).toBe('true');
  });

  it('50 concurrent first requests, across two managers, register exactly one task', async () => {
    const { server, home, env, source } = await setup();
    const other = createOpenAiAuthSource(createAuthManager({ home, env }));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => send(i % 2 ? source : other, server.url)),
    );
    expect(results.every((r) => r.status === 200 && r.sent === 1)).toBe(true);
    expect(server.registrations).toBe(1);
    expect(server.registrationRequests).toBe(1);
    expect(
      new Set(
        server.accepted.map(
          (h) => JSON.parse(Buffer.from(String(h.authorization).slice(15), 'base64url').toString()).task_id,
        ),
      ),
    ).toEqual(new Set(server.issued));
  });

  it.each(['encrypted_task_id', 'encryptedTaskId', 'taskId'] as const)(
    'a task id sent as %s is used',
    async (field) => {
      const { server, source, manager } = await setup();
      server.sendAs = field;
      expect(await send(source, server.url)).toEqual({ status: 200, sent: 1 });
      expect((await manager.agentTask()).taskId).toBe(server.issued[0]);
    },
  );

  it('429 and 503 are retried; the task registers on the third attempt', async () => {
    const { server, source } = await setup();
    server.failNext.push({ status: 429, body: '{}' }, { status: 503, body: 'busy' });
    expect(await send(source, server.url)).toEqual({ status: 200, sent: 1 });
    expect(server.registrationRequests).toBe(3);
    expect(server.registrations).toBe(1);
  });

  it('a 400 is AGENT_TASK_FAILED with the status and at most 512 redacted characters of the body', async () => {
    const { server, source, record, manager } = await setup();
    const body = `{"error":"bad","echo":"${record.agent_private_key}","more":"${'x '.repeat(600)}"}`;
    server.failNext.push({ status: 400, body });
    const error = await storeErrorOf(source.authorize({ method: 'GET', url: server.url, headers: {} }));
    expect(error.code).toBe('AGENT_TASK_FAILED');
    expect(error.message).toContain('400');
    expect(error.message).toContain(`${server.url}/v1/agent/${record.agent_runtime_id}/task/register`);
    const quoted = error.message.slice(error.message.indexOf('400: ') + 5);
    expect(quoted.length).toBeLessThanOrEqual(512);
    expect(quoted).toContain('{"error":"bad","echo":"[redacted]"');
    expect(error.message).not.toContain(record.agent_private_key.slice(20, 40));
    expect(server.registrationRequests).toBe(1);
    // Not remembered: the next request registers.
    expect((await manager.agentTask()).taskId).toBe(server.issued[0]);
  });

  it('a 401 registers a new task once and the request is retried once', async () => {
    const { server, source } = await setup();
    expect(await send(source, server.url)).toEqual({ status: 200, sent: 1 });
    server.revoked.add(server.issued[0] as string);
    expect(await send(source, server.url)).toEqual({ status: 200, sent: 2 });
    expect(server.registrations).toBe(2);
    // Every task refused: one new task, one retry, then the 401 stands.
    server.revoked.add(server.issued[1] as string);
    server.sendAs = 'task_id';
    const revokeAll = server.issued.length;
    const result = await send(
      {
        ...source,
        authorize: async (req, opts) => {
          const signed = await source.authorize(req, opts);
          for (const id of server.issued) server.revoked.add(id);
          return signed;
        },
      },
      server.url,
    );
    expect(result).toEqual({ status: 401, sent: 2 });
    expect(server.registrations).toBe(revokeAll + 1);
  });

  it('concurrent 401s for the same task share one new registration', async () => {
    const { server, source } = await setup();
    const sent = await Promise.all(
      Array.from({ length: 5 }, () => source.authorize({ method: 'GET', url: server.url, headers: {} })),
    );
    const retries = await Promise.all(sent.map((req) => source.recover({ status: 401, headers: {} }, req)));
    expect(retries).toEqual([true, true, true, true, true]);
    expect(server.registrations).toBe(2);
  });

  it('the task id is never written to auth.json', async () => {
    const { server, source, home } = await setup({ jwt: true });
    server.sendAs = 'encrypted_task_id';
    await send(source, server.url);
    const text = await readFile(join(home, 'auth.json'), 'utf8');
    expect(server.issued).toHaveLength(1);
    expect(text).not.toContain(server.issued[0]);
    expect(typeof JSON.parse(text).agent_identity).toBe('string');
  });
});

describe('CODEX_AGENT_IDENTITY', () => {
  it('is used only when opted in, ahead of the stored login; status shows its claims, never the key', async () => {
    const server = await startAuthapiServer();
    servers.push(server);
    const record = agentRecord({ email: 'env-agent@example.com', account_id: 'ws-env', plan_type: 'pro' });
    server.trust(record.agent_runtime_id, record.agent_private_key);
    const home = await tempHome();
    await createAuthManager({ home, env: {} }).loginWithApiKey('sk-stored-0123456789');
    const env = {
      CODEX_AGENT_IDENTITY: ` ${agentJwt(record)}\n`,
      CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL: ` ${server.url}/ `,
    };
    expect(await createAuthManager({ home, env }).auth()).toMatchObject({ mode: 'apikey' });
    const manager: AuthManager = createAuthManager({ home, env, enableCodexAgentIdentityEnv: true });
    const status = await manager.status();
    expect(status).toEqual({
      loggedIn: true,
      mode: 'agentIdentity',
      storeMode: 'file',
      maskedKey: null,
      email: 'env-agent@example.com',
      planType: 'pro',
      accountId: 'ws-env',
      region: null,
    });
    expect(JSON.stringify(status)).not.toContain(record.agent_private_key);
    expect(await send(createOpenAiAuthSource(manager), server.url)).toEqual({ status: 200, sent: 1 });
    expect(server.accepted[0]?.['chatgpt-account-id']).toBe('ws-env');
    const broken = createAuthManager({
      home,
      env: { CODEX_AGENT_IDENTITY: 'a.b' },
      enableCodexAgentIdentityEnv: true,
    });
    const error = await storeErrorOf(broken.auth());
    expect(error.code).toBe('AGENT_IDENTITY_INVALID');
    expect(error.message).toContain('CODEX_AGENT_IDENTITY');
  });
});
