import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOpenAI } from '@ai-sdk/openai';
import type { RetryEvent } from '@x/auth-seam';
import { PLACEHOLDER_API_KEY } from '@x/auth-seam';
import { type LoopbackServer, sendJson, startLoopbackServer } from '@x/test-kit';
import { generateText } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerProvidersToml } from '../__testing__/bearerProvidersToml.js';
import { startVerifyingServer } from '../__testing__/sigv4Server.js';
import { serve } from '../__testing__/trackedServers.js';
import { loadConfig } from '../config/loadConfig.js';
import { explainError } from '../explainError.js';
import { createProviderRegistry } from './createProviderRegistry.js';
import type { ProviderRegistry } from './providerRegistry.js';

let verifying: LoopbackServer;
let open: LoopbackServer;
let registry: ProviderRegistry;
let dir: string;

beforeAll(async () => {
  verifying = await startVerifyingServer({ bearers: ['inline-bearer', 'command-bearer'] });
  open = await startLoopbackServer((req, res) =>
    sendJson(res, 200, { object: 'list', data: [], seen: req.headers.authorization ?? null }),
  );
  dir = await mkdtemp(join(tmpdir(), 'x-client-options-'));
  const config = await loadConfig({
    toml: `${await bearerProvidersToml(verifying.url, dir)}
[model_providers.open]
name = "No auth"
base_url = "${open.url}"
`,
  });
  registry = createProviderRegistry({ config, env: {} });
});
afterAll(async () => {
  await verifying.close();
  await open.close();
  await rm(dir, { recursive: true, force: true });
});

describe('provider.clientOptions()', () => {
  it('gives the base URL, the placeholder key, the provider fetch and maxRetries 0', () => {
    const provider = registry.get('bearer');
    expect(provider.clientOptions()).toEqual({
      baseURL: verifying.url,
      apiKey: PLACEHOLDER_API_KEY,
      fetch: provider.fetch,
      maxRetries: 0,
    });
  });

  it.each(['bearer', 'command'])(
    'lets the official openai client through provider %s, bearer checked',
    async (id) => {
      const client = new OpenAI(registry.get(id).clientOptions());
      const response = await client.responses.create({ model: 'test-model', input: 'hello' });
      expect(response.output_text).toBe('bearer: hello');
      expect(verifying.received.at(-1)?.headers.authorization).toBe(
        `Bearer ${id}-bearer`.replace('bearer-', 'inline-'),
      );
    },
  );

  it('lets @ai-sdk/openai through, bearer checked', async () => {
    const openai = createOpenAI(registry.get('command').clientOptions());
    const { text } = await generateText({ model: openai('test-model'), prompt: 'hello', maxRetries: 0 });
    expect(text).toMatch(/^bearer: /);
    expect(verifying.received.at(-1)?.headers.authorization).toBe('Bearer command-bearer');
  });

  it('removes the placeholder for a provider without auth: nothing reaches the server', async () => {
    const client = new OpenAI(registry.get('open').clientOptions());
    await client.models.list();
    expect(open.received.at(-1)?.headers.authorization).toBeUndefined();
  });

  it("refuses a client's own key with AUTHORIZATION_HEADER_PRESENT, reachable through the client's error", async () => {
    const provider = registry.get('bearer');
    const before = verifying.received.length;
    const client = new OpenAI({ ...provider.clientOptions(), apiKey: 'sk-users-own-key' });
    const error = await client.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(explainError(error)?.code).toBe('AUTHORIZATION_HEADER_PRESENT');
    expect(explainError(error)?.message).not.toContain('sk-users-own-key');
    expect(verifying.received.length).toBe(before);
  });
});

describe('retries under the official openai client', () => {
  async function flakyProvider(headers: Record<string, string>, status: number) {
    const arrivals: number[] = [];
    const server = await serve((_req, res, i) => {
      arrivals.push(Date.now());
      if (i > 0) return sendJson(res, 200, { object: 'list', data: [] });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end('{"error":{"message":"slow down"}}');
    });
    const config = await loadConfig({
      toml: `[model_providers.flaky]\nname = "Flaky"\nbase_url = "${server.url}"\nexperimental_bearer_token = "t"\n`,
    });
    const waits: RetryEvent[] = [];
    const providers = createProviderRegistry({
      config,
      env: {},
      onRetry: (event, id) =>
        waits.push({ ...event, reason: `${id}:${event.reason}` as RetryEvent['reason'] }),
    });
    return { server, arrivals, waits, client: new OpenAI(providers.get('flaky').clientOptions()) };
  }

  it('retries a 429 with Retry-After: 1 once, after at least 1 s', async () => {
    const { server, arrivals, waits, client } = await flakyProvider({ 'retry-after': '1' }, 429);
    await client.models.list();
    expect(server.received).toHaveLength(2);
    expect(waits.map((w) => [w.attempt, w.status, w.reason, w.delayMs, w.delaySource])).toEqual([
      [1, 429, 'flaky:status', 1000, 'server'],
    ]);
    expect((arrivals[1] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('does not retry a 503 marked x-should-retry: false; the client sees the 503', async () => {
    const { server, waits, client } = await flakyProvider({ 'x-should-retry': 'false' }, 503);
    const error = await client.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
    expect(server.received).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});
