import type { AuthSource } from '@x/auth-seam';
import { createAuthManager, createAuthStore } from '@x/auth-store';
import { gatedTokenCommand, sendJson, tempDir, withinDeadline } from '@x/test-kit';
import { describe, expect, it, vi } from 'vitest';
import { serve } from '../__testing__/trackedServers.js';
import { loadConfig } from '../config/loadConfig.js';
import { createProviderRegistry } from '../registry/createProviderRegistry.js';
import { createProviderFetch } from './createProviderFetch.js';

// Far beyond what any step here needs: these deadlines only turn a hang into a failure.
const HANG_GUARD_MS = 20_000;

describe('requests that would hang', () => {
  it('a server that never sends response headers: RESPONSE_TIMEOUT, retried like a transport error', async () => {
    const server = await serve(() => {
      // accepts the request, never answers
    });
    // 1 s: long enough for this process's own server to see each attempt before it is given up
    // on, however loaded the machine (both share one event loop).
    const config = await loadConfig({
      toml: `[model_providers.silent]\nname = "Silent"\nbase_url = "${server.url}"\nstream_idle_timeout_ms = 1000\nrequest_max_retries = 1\n`,
    });
    const provider = createProviderRegistry({ config, env: {}, retryBaseDelayMs: 0 }).get('silent');
    const error = (await withinDeadline(
      'fetch',
      () => provider.fetch(`${server.url}/models`),
      HANG_GUARD_MS,
    ).then(
      () => undefined,
      (e: unknown) => e,
    )) as { code?: string; message: string };
    expect(error.code).toBe('RESPONSE_TIMEOUT');
    expect(error.message).toContain('after 2 attempt(s)');
    expect(server.received).toHaveLength(2);
  });

  it('aborting while the auth command still runs rejects at once with an abort error', async () => {
    const dir = await tempDir();
    const gated = await gatedTokenCommand(dir, 'waiting-token', 'cmd-token-1');
    const server = await serve((_req, res) => sendJson(res, 200, { data: [] }));
    const config = await loadConfig({
      toml: `[model_providers.cmd]\nname = "Cmd"\nbase_url = "${server.url}"\nauth = { command = ${JSON.stringify(process.execPath)}, args = [${JSON.stringify(gated.command)}] }\n`,
    });
    const provider = createProviderRegistry({ config, env: {} }).get('cmd');
    const controller = new AbortController();
    // Whether the command had finished is read at the moment the request settles.
    const outcome = provider.fetch(`${server.url}/models`, { signal: controller.signal }).then(
      () => ({ error: undefined as unknown, commandDone: gated.done() }),
      (error: unknown) => ({ error, commandDone: gated.done() }),
    );
    await vi.waitUntil(() => gated.started(), { timeout: HANG_GUARD_MS, interval: 10 });
    controller.abort();
    // Let the command finish: code that ignored the abort would now get its token and settle.
    await gated.open();
    const { error, commandDone } = await withinDeadline('fetch', () => outcome, HANG_GUARD_MS);
    expect((error as Error | undefined)?.name).toBe('AbortError');
    expect(commandDone).toBe(false);
    expect(server.received).toHaveLength(0);
    await vi.waitUntil(() => gated.done(), { timeout: HANG_GUARD_MS, interval: 10 });
  });

  it.each([
    ['an OpenAI login provider', 'o'],
    ['Amazon Bedrock, whose lazy setup reads the login', 'amazon-bedrock'],
  ])('%s: aborting while the stored login is being refreshed rejects at once', async (_what, id) => {
    const home = await tempDir();
    const b64 = (value: string) => Buffer.from(value).toString('base64url');
    const jwt = (claims: object) => `${b64('{"alg":"none"}')}.${b64(JSON.stringify(claims))}.sig`;
    await createAuthStore({ home }).save({
      OPENAI_API_KEY: null,
      tokens: {
        id_token: jwt({ 'https://api.openai.com/auth': { chatgpt_account_id: 'ws-1' } }),
        // Expires within a minute, so the manager refreshes it before handing it out.
        access_token: jwt({ exp: Math.floor(Date.now() / 1000) + 60 }),
        refresh_token: 'rt-1',
        account_id: 'ws-1',
      },
      last_refresh: new Date().toISOString(),
    });
    // The token endpoint takes the refresh request and does not answer until released.
    const tokenEndpoint = await serve(() => {});
    const api = await serve((_req, res) => sendJson(res, 200, { data: [] }));
    const config = await loadConfig({
      toml: `[model_providers.o]\nname = "O"\nbase_url = "${api.url}"\nrequires_openai_auth = true\n[model_providers.amazon-bedrock]\nbase_url = "${api.url}"\n`,
    });
    const authManager = createAuthManager({ home, env: {}, refreshTokenUrl: tokenEndpoint.url });
    const provider = createProviderRegistry({ config, authManager, env: {} }).get(id);
    const controller = new AbortController();
    let released = false;
    const outcome = provider.fetch(`${api.url}/models`, { signal: controller.signal }).then(
      () => ({ error: undefined as unknown, released }),
      (error: unknown) => ({ error, released }),
    );
    await withinDeadline(
      'the refresh request',
      async () => {
        while (tokenEndpoint.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      },
      HANG_GUARD_MS,
    );
    controller.abort();
    await new Promise((resolve) => setImmediate(resolve));
    released = true;
    await tokenEndpoint.close();
    const settled = await withinDeadline('fetch', () => outcome, HANG_GUARD_MS);
    expect((settled.error as Error | undefined)?.name).toBe('AbortError');
    expect(settled.released).toBe(false);
    expect(api.received).toHaveLength(0);
  });

  it('hands the caller’s signal to the auth source on every attempt', async () => {
    const server = await serve((_req, res, i) => sendJson(res, i === 0 ? 503 : 200, {}));
    const seen: (AbortSignal | undefined)[] = [];
    const auth: AuthSource = {
      async authorize(request, options) {
        seen.push(options?.signal);
        return request;
      },
      describe: () => ({}),
    };
    const providerFetch = createProviderFetch({ baseUrl: server.url, auth, retryBaseDelayMs: 0 });
    const controller = new AbortController();
    expect((await providerFetch(`${server.url}/models`, { signal: controller.signal })).status).toBe(200);
    expect(seen).toEqual([controller.signal, controller.signal]);
  });

  it('aborting while the source still recovers from a 401 rejects at once; the recovery is not awaited', async () => {
    const server = await serve((_req, res) => sendJson(res, 401, {}));
    let release: (mended: boolean) => void = () => {};
    let recoveries = 0;
    const auth: AuthSource = {
      authorize: async (request) => request,
      recover: () => {
        recoveries++;
        return new Promise<boolean>((resolve) => {
          release = resolve;
        });
      },
      describe: () => ({}),
    };
    const providerFetch = createProviderFetch({ baseUrl: server.url, auth, retryBaseDelayMs: 0 });
    const controller = new AbortController();
    const outcome = providerFetch(`${server.url}/models`, { signal: controller.signal }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await vi.waitUntil(() => recoveries === 1, { timeout: HANG_GUARD_MS, interval: 10 });
    const reason = new Error('the caller gave up');
    controller.abort(reason);
    // The recovery (a token refresh, say) is still under way: the caller is not kept waiting for it.
    expect(await withinDeadline('fetch', () => outcome, HANG_GUARD_MS)).toBe(reason);
    release(true);
    expect(server.received).toHaveLength(1);
  });
});
