import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAuthManager } from '@x/auth-store';
import { type LoopbackServer, sendJson, tempDir, withinDeadline } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { failingTokenScript, runsOf, tokenScript } from '../__testing__/commandScripts.js';
import { configFromFile } from '../__testing__/configFromFile.js';
import { serve } from '../__testing__/trackedServers.js';
import { createProviderRegistry } from './createProviderRegistry.js';
import type { ModelProvider } from './modelProvider.js';
import type { ProviderRegistryOptions } from './providerRegistry.js';

// The fields whose effect is a number of requests: retries, stream retries, timeouts and the one
// recovery after a 401, each through a config file and the registry. Every bound is asserted by
// counting what the loopback server received. The servers give in (answer 200) a few requests after
// the bound, so a client that retries or recovers too often ends with a wrong count or status, not a
// hang; `withinDeadline` fails a run that still loops by assertion, never the runner's timeout.

const q = JSON.stringify;

async function providerFor(
  server: LoopbackServer,
  lines: string,
  options: Partial<ProviderRegistryOptions> = {},
): Promise<ModelProvider> {
  const config = await configFromFile(
    `[model_providers.p]\nname = "P"\nbase_url = ${q(server.url)}\n${lines}\n`,
  );
  return createProviderRegistry({ config, env: {}, retryBaseDelayMs: 1, ...options }).get('p');
}

/** Answers `status` to the first `failing` requests, then 200 (a JSON model list). */
const failingFirst = (failing: number, status: number) =>
  serve((_req, res, i) =>
    i < failing ? sendJson(res, status, { error: 'nope' }) : sendJson(res, 200, { object: 'list', data: [] }),
  );

type StreamBehaviour = 'drop' | 'silent' | 'ok';

/** An SSE server: the first `failing` requests `behaviour`, then a complete stream. */
const streamFailingFirst = (failing: number, behaviour: StreamBehaviour) =>
  serve((_req, res, i) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    if (i < failing && behaviour === 'drop') setTimeout(() => res.socket?.destroy(), 10);
    if (i < failing) return;
    res.end('data: {"delta":"ok"}\n\n');
  });

const streamText = (provider: ModelProvider, signal: AbortSignal) =>
  provider
    .fetch(`${provider.baseUrl}/responses`, { method: 'POST', body: '{"stream":true}', signal })
    .then((response) => response.text())
    .then(
      (text) => ({ text }),
      (error: unknown) => ({ error }),
    );

describe('request_max_retries (5xx and transport errors), counted on the wire', () => {
  it('request_max_retries = 2: a 5xx is answered after exactly 3 requests, for fetch and listModels', async () => {
    const server = await failingFirst(7, 500);
    const provider = await providerFor(server, 'request_max_retries = 2');
    const response = await withinDeadline('the retried request', (signal) =>
      provider.fetch(`${server.url}/responses`, { method: 'POST', body: '{}', signal }),
    );
    expect(response.status).toBe(500);
    expect(server.received).toHaveLength(3);
    await expect(
      withinDeadline('listModels', (signal) => provider.listModels({ signal })),
    ).rejects.toMatchObject({
      code: 'MODELS_RESPONSE',
    });
    expect(server.received).toHaveLength(6);
  });

  it('request_max_retries = 0: one request only', async () => {
    const server = await failingFirst(3, 503);
    const provider = await providerFor(server, 'request_max_retries = 0');
    expect((await provider.fetch(`${server.url}/models`)).status).toBe(503);
    expect(server.received).toHaveLength(1);
  });

  it('unset: Codex’s default of 4 retries, 5 requests', async () => {
    const server = await failingFirst(8, 502);
    const provider = await providerFor(server, '');
    const response = await withinDeadline('the retried request', (signal) =>
      provider.fetch(`${server.url}/models`, { signal }),
    );
    expect(response.status).toBe(502);
    expect(server.received).toHaveLength(5);
  });

  it('request_max_retries = 1: a dropped connection is retried once, then TRANSPORT', async () => {
    const server = await serve((_req, res, i) => {
      if (i < 4) res.socket?.destroy();
      else sendJson(res, 200, {});
    });
    const provider = await providerFor(server, 'request_max_retries = 1');
    const error = await withinDeadline('the retried request', (signal) =>
      provider.fetch(`${server.url}/models`, { signal }).catch((e: unknown) => e),
    );
    expect(error).toMatchObject({
      code: 'TRANSPORT',
      message: expect.stringContaining('after 2 attempt(s)'),
    });
    expect(server.received).toHaveLength(2);
  });
});

describe('stream_max_retries and stream_idle_timeout_ms, counted on the wire', () => {
  it('stream_max_retries = 2: a stream dropped before its first byte is requested 3 times in all', async () => {
    const server = await streamFailingFirst(6, 'drop');
    const provider = await providerFor(server, 'stream_max_retries = 2');
    const outcome = await withinDeadline('the retried stream', (signal) => streamText(provider, signal));
    expect(outcome).toHaveProperty('error');
    expect(server.received).toHaveLength(3);
  });

  it('stream_idle_timeout_ms: a stream silent that long before its first byte is requested again', async () => {
    const server = await streamFailingFirst(1, 'silent');
    const provider = await providerFor(server, 'stream_idle_timeout_ms = 1000');
    const outcome = await withinDeadline('the silent stream', (signal) => streamText(provider, signal));
    expect(outcome).toEqual({ text: 'data: {"delta":"ok"}\n\n' });
    expect(server.received).toHaveLength(2);
  });

  it('stream_idle_timeout_ms: also bounds the wait for response headers, retried as a transport failure', async () => {
    const server = await serve((_req, res, i) => {
      if (i > 0) sendJson(res, 200, { ok: true });
    });
    const provider = await providerFor(server, 'stream_idle_timeout_ms = 1000\nrequest_max_retries = 1');
    const response = await withinDeadline('the unanswered request', (signal) =>
      provider.fetch(`${server.url}/models`, { signal }),
    );
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
  });
});

describe('401 recovery happens once, counted on the wire', () => {
  it('auth.command: one new run and one resend after a 401, then the 401 is the answer', async () => {
    const dir = await tempDir();
    const { script, runs } = await tokenScript(dir, ['t-1', 't-2', 't-3', 't-4', 't-5']);
    const server = await failingFirst(5, 401);
    const provider = await providerFor(
      server,
      `auth = { command = ${q(process.execPath)}, args = [${q(script)}] }`,
    );
    const response = await withinDeadline('the recovered request', (signal) =>
      provider.fetch(`${server.url}/models`, { signal }),
    );
    expect(response.status).toBe(401);
    expect(server.received.map((r) => r.headers.authorization)).toEqual(['Bearer t-1', 'Bearer t-2']);
    expect(runsOf(runs)).toBe(2);
  });

  it('requires_openai_auth: a login another process stored is reloaded and sent once', async () => {
    const dir = await tempDir();
    const home = join(dir, 'home');
    await createAuthManager({ home, env: {} }).loginWithApiKey('sk-first-login-000000');
    const other = createAuthManager({ home, env: {} });
    const server = await serve(async (_req, res, i) => {
      if (i === 0) await other.loginWithApiKey('sk-second-login-00000');
      if (i < 5) return sendJson(res, 401, { error: 'nope' });
      sendJson(res, 200, {});
    });
    const authManager = createAuthManager({ home, env: {} });
    const provider = await providerFor(server, 'requires_openai_auth = true', { authManager });
    const response = await withinDeadline('the recovered request', (signal) =>
      provider.fetch(`${server.url}/models`, { signal }),
    );
    expect(response.status).toBe(401);
    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      'Bearer sk-first-login-000000',
      'Bearer sk-second-login-00000',
    ]);
  });
});

describe('auth.command backoff through the registry', () => {
  it('a failed command is not run again while it backs off, however many requests come; then once', async () => {
    const dir = await tempDir();
    const { script, runs, healed } = await failingTokenScript(dir, 'healed-token');
    const server = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const config = await configFromFile(
      `[model_providers.p]\nname = "P"\nbase_url = ${q(server.url)}\nauth = { command = ${q(process.execPath)}, args = [${q(script)}] }\n`,
    );
    const registry = createProviderRegistry({ config, env: {} });
    const send = () =>
      registry
        .get('p')
        .fetch(`${server.url}/models`)
        .then(
          (r) => r.status,
          (e: unknown) => (e as { code?: string }).code,
        );
    expect(await send()).toBe('EXIT_STATUS');
    expect(runsOf(runs)).toBe(1);
    const during = await Promise.all(Array.from({ length: 20 }, send));
    expect(during).toEqual(Array(20).fill('EXIT_STATUS'));
    expect(runsOf(runs)).toBe(1);
    expect(server.received).toEqual([]);
    await writeFile(healed, '');
    // Each poll during the backoff is refused without a run; the first after it runs the command once.
    await expect.poll(send).toBe(200);
    expect(runsOf(runs)).toBe(2);
    expect(server.received.map((r) => r.headers.authorization)).toEqual(['Bearer healed-token']);
  });
});
