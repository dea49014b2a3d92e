import { readFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createAuthManager } from '@x/auth-store';
import { type LoopbackServer, sendJson, startLoopbackServer, tempDir, thrownBy } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { tokenScript } from '../__testing__/commandScripts.js';
import { closeAfterTest } from '../__testing__/trackedServers.js';
import { loadConfig } from '../config/loadConfig.js';
import { ProviderConfigError } from '../errors.js';
import { createProviderRegistry } from './createProviderRegistry.js';

/** Three generic providers: `keyed` (env_key KEYED_KEY), `inline` (the given bearer), `cmd` (a command). */
const genericProviders = (inlineToken: string): string => `
[model_providers.keyed]
name = "Keyed"
base_url = "http://127.0.0.1:9/v1"
env_key = "KEYED_KEY"
[model_providers.inline]
name = "Inline"
base_url = "http://127.0.0.1:9/v1"
experimental_bearer_token = "${inlineToken}"
[model_providers.cmd]
name = "Cmd"
base_url = "http://127.0.0.1:9/v1"
auth = { command = "print-token" }
`;

const configErrorOf = (fn: () => unknown) => thrownBy(fn) as ProviderConfigError;

async function echoServer(
  accept: (authorization: string | undefined) => boolean = () => true,
): Promise<LoopbackServer> {
  const server = await startLoopbackServer((req, res) =>
    accept(req.headers.authorization)
      ? sendJson(res, 200, {
          object: 'list',
          data: [{ id: 'm-1', object: 'model', owned_by: 'x' }, { id: 'm-2' }],
        })
      : sendJson(res, 401, { error: { message: 'bad token' } }),
  );
  closeAfterTest(server);
  return server;
}

describe('createProviderRegistry', () => {
  it('lists built-ins and configured providers with base URL and auth method, never a secret', async () => {
    const config = await loadConfig({ toml: genericProviders('sk-canary-inline-0001') });
    const registry = createProviderRegistry({ config, env: { AWS_REGION: 'eu-west-1' } });
    const list = registry.list();
    expect(list.map((p) => [p.id, p.authMethod, p.builtIn])).toEqual([
      ['openai', 'openai-login', true],
      ['amazon-bedrock', 'aws-bedrock', true],
      ['amazon-bedrock-runtime', 'aws-bedrock', true],
      ['ollama', 'none', true],
      ['lmstudio', 'none', true],
      ['keyed', 'env-key', false],
      ['inline', 'config-bearer-token', false],
      ['cmd', 'command', false],
    ]);
    expect(list.find((p) => p.id === 'amazon-bedrock')?.baseUrl).toBe(
      'https://bedrock-mantle.eu-west-1.api.aws/openai/v1',
    );
    expect(list.find((p) => p.id === 'amazon-bedrock-runtime')?.baseUrl).toBe(
      'https://bedrock-runtime.eu-west-1.amazonaws.com/openai/v1',
    );
    expect(JSON.stringify(list)).not.toContain('sk-canary-inline-0001');
    expect(inspect(registry.get('inline'), { depth: 10 })).not.toContain('sk-canary-inline-0001');
    expect(JSON.stringify(await registry.get('inline').describeAuth())).not.toContain(
      'sk-canary-inline-0001',
    );
  });

  it('lists a provider without base_url as such, and get() names the missing field', async () => {
    const config = await loadConfig({
      toml: '[model_providers.bare]\nname = "Bare"\nenv_key = "BARE_KEY"\n',
    });
    const registry = createProviderRegistry({ config, env: { BARE_KEY: 'k' } });
    expect(registry.list().find((p) => p.id === 'bare')?.baseUrl).toBe('(no base_url)');
    expect(configErrorOf(() => registry.get('bare'))).toMatchObject({
      code: 'INVALID_FIELD',
      field: 'model_providers.bare.base_url',
    });
  });

  it('defaults Bedrock to us-east-1 when no region is configured anywhere', () => {
    const registry = createProviderRegistry({ env: {} });
    expect(registry.get('amazon-bedrock').baseUrl).toBe('https://bedrock-mantle.us-east-1.api.aws/openai/v1');
  });

  it('names an unknown provider', () => {
    const error = configErrorOf(() => createProviderRegistry().get('nope'));
    expect(error?.code).toBe('UNKNOWN_PROVIDER');
    expect(error?.message).toContain('`nope`');
  });

  it('uses env_key, and names the variable and its instructions when it is missing or blank', async () => {
    const server = await echoServer((a) => a === 'Bearer key-from-env');
    const config = await loadConfig({
      toml: `[model_providers.k]\nname = "K"\nbase_url = "${server.url}"\nenv_key = "K_KEY"\nenv_key_instructions = "Create one in the console."\n`,
    });
    const ok = createProviderRegistry({ config, env: { K_KEY: ' key-from-env ' } }).get('k');
    expect((await ok.listModels()).map((m) => m.id)).toEqual(['m-1', 'm-2']);
    for (const env of [{}, { K_KEY: '   ' }]) {
      const error = configErrorOf(() => createProviderRegistry({ config, env }).get('k'));
      expect(error?.code).toBe('MISSING_ENV_KEY');
      expect(error?.message).toBe(
        'provider `k` needs the environment variable K_KEY, which is not set or is blank. Create one in the console.',
      );
    }
  });

  it('sends experimental_bearer_token as the bearer', async () => {
    const server = await echoServer((a) => a === 'Bearer inline-token');
    const config = await loadConfig({
      toml: `[model_providers.i]\nname = "I"\nbase_url = "${server.url}"\nexperimental_bearer_token = "inline-token"\n`,
    });
    expect(await createProviderRegistry({ config, env: {} }).get('i').listModels()).toHaveLength(2);
  });

  it('runs the auth command once, reuses its token, and refreshes it after a 401', async () => {
    const dir = await tempDir();
    const { script, runs } = await tokenScript(dir, ['cmd-token-1', 'cmd-token-2']);
    let accepted = 'Bearer cmd-token-1';
    const server = await echoServer((a) => a === accepted);
    const config = await loadConfig({
      toml: `[model_providers.c]\nname = "C"\nbase_url = "${server.url}"\n[model_providers.c.auth]\ncommand = ${JSON.stringify(process.execPath)}\nargs = [${JSON.stringify(script)}]\n`,
    });
    const provider = createProviderRegistry({ config, env: {} }).get('c');
    await provider.listModels();
    await provider.listModels();
    expect((await readFile(runs, 'utf8')).trim().split('\n')).toHaveLength(1);
    accepted = 'Bearer cmd-token-2';
    await provider.listModels();
    expect((await readFile(runs, 'utf8')).trim().split('\n')).toHaveLength(2);
    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      'Bearer cmd-token-1',
      'Bearer cmd-token-1',
      'Bearer cmd-token-1',
      'Bearer cmd-token-2',
    ]);
  });

  it('answers a late 401 for an already replaced command token with a retry, not another run', async () => {
    const dir = await tempDir();
    const { script, runs } = await tokenScript(dir, ['token-1', 'token-2', 'token-3']);
    // Warm-up gets token-1. Then A and B both send token-1; A's 401 comes at once, B's only after A's
    // retry with token-2 has been answered, so B's 401 arrives when token-1 is already replaced.
    let phase: 'warm' | 'race' = 'warm';
    let releaseB: (() => void) | undefined;
    let staleSeen = 0;
    const server = await startLoopbackServer(async (req, res) => {
      const auth = req.headers.authorization;
      if (phase === 'warm') return sendJson(res, 200, { object: 'list', data: [] });
      if (auth === 'Bearer token-1') {
        staleSeen++;
        if (staleSeen === 2) await new Promise<void>((resolve) => (releaseB = resolve));
        return sendJson(res, 401, { error: 'expired' });
      }
      sendJson(res, 200, { object: 'list', data: [] });
      releaseB?.();
    });
    closeAfterTest(server);
    const config = await loadConfig({
      toml: `[model_providers.c]\nname = "C"\nbase_url = "${server.url}"\n[model_providers.c.auth]\ncommand = ${JSON.stringify(process.execPath)}\nargs = [${JSON.stringify(script)}]\n`,
    });
    const provider = createProviderRegistry({ config, env: {} }).get('c');
    await provider.listModels();
    phase = 'race';
    const [a, b] = await Promise.all([
      provider.fetch(`${server.url}/models`),
      provider.fetch(`${server.url}/models`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await readFile(runs, 'utf8')).trim().split('\n')).toHaveLength(2);
    expect(server.received.at(-1)?.headers.authorization).toBe('Bearer token-2');
  });

  it('leaves a plain 400 alone: the command and OpenAI-login sources refresh nothing for it', async () => {
    const dir = await tempDir();
    const { script, runs } = await tokenScript(dir, ['cmd-token-1', 'cmd-token-2']);
    const server = closeAfterTest(
      await startLoopbackServer((_req, res) => sendJson(res, 400, { error: { message: 'bad model' } })),
    );
    const config = await loadConfig({
      toml: `[model_providers.c]\nname = "C"\nbase_url = "${server.url}"\nauth = { command = ${JSON.stringify(process.execPath)}, args = [${JSON.stringify(script)}] }\n[model_providers.o]\nname = "O"\nbase_url = "${server.url}"\nrequires_openai_auth = true\n`,
    });
    const manager = createAuthManager({ home: dir, env: {} });
    await manager.loginWithApiKey('sk-stored-key-000111222');
    const registry = createProviderRegistry({ config, authManager: manager, env: {} });
    for (const id of ['c', 'o']) {
      const response = await registry
        .get(id)
        .fetch(`${server.url}/responses`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { message: 'bad model' } });
    }
    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      'Bearer cmd-token-1',
      'Bearer sk-stored-key-000111222',
    ]);
    expect((await readFile(runs, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('uses the stored OpenAI login for requires_openai_auth, and refuses a stored Bedrock key with Codex’s message', async () => {
    const home = await tempDir();
    const server = await echoServer((a) => a === 'Bearer sk-stored-key-000111222');
    const config = await loadConfig({
      toml: `[model_providers.o]\nname = "O"\nbase_url = "${server.url}"\nrequires_openai_auth = true\n`,
    });
    const manager = createAuthManager({ home, env: {} });
    const registry = createProviderRegistry({ config, authManager: manager, env: {} });
    const notLoggedIn = await registry
      .get('o')
      .listModels()
      .catch((e: unknown) => e as ProviderConfigError);
    expect(notLoggedIn).toBeInstanceOf(ProviderConfigError);
    expect((notLoggedIn as ProviderConfigError).code).toBe('OPENAI_AUTH_REQUIRED');

    await manager.loginWithApiKey('sk-stored-key-000111222');
    expect(await registry.get('o').listModels()).toHaveLength(2);

    await manager.loginWithBedrockApiKey({ apiKey: 'bedrock-api-key-canary', region: 'us-east-1' });
    const error = await registry
      .get('o')
      .listModels()
      .catch((e: unknown) => e as ProviderConfigError);
    expect(error).toBeInstanceOf(ProviderConfigError);
    expect((error as ProviderConfigError).code).toBe('BEDROCK_KEY_UNSUPPORTED');
    expect((error as ProviderConfigError).message).toContain(
      'Bedrock API key auth is only supported by the Amazon Bedrock model provider',
    );
    expect((error as ProviderConfigError).message).not.toContain('canary');
  });

  it('sends the ChatGPT access token and ChatGPT-Account-ID for a ChatGPT login', async () => {
    const home = await tempDir();
    const b64 = (value: string) => Buffer.from(value).toString('base64url');
    const jwt = (claims: object) => `${b64('{"alg":"none"}')}.${b64(JSON.stringify(claims))}.sig`;
    const accessToken = jwt({ exp: Math.floor(Date.now() / 1000) + 3600 });
    const server = await echoServer((a) => a === `Bearer ${accessToken}`);
    const config = await loadConfig({
      toml: `[model_providers.o]\nname = "O"\nbase_url = "${server.url}"\nrequires_openai_auth = true\n`,
    });
    const manager = createAuthManager({ home, env: {} });
    await manager.loginWithChatgptTokens({
      idToken: jwt({
        'https://api.openai.com/auth': { chatgpt_account_id: 'ws-42', chatgpt_plan_type: 'pro' },
      }),
      accessToken,
      refreshToken: 'refresh-1',
      accountId: 'ws-42',
    });
    expect(
      await createProviderRegistry({ config, authManager: manager, env: {} }).get('o').listModels(),
    ).toHaveLength(2);
    expect(server.received[0]?.headers['chatgpt-account-id']).toBe('ws-42');
  });

  it('caps request_max_retries at 100 as Codex does', async () => {
    const server = await startLoopbackServer((_req, res) => sendJson(res, 500, {}));
    closeAfterTest(server);
    const config = await loadConfig({
      toml: `[model_providers.r]\nname = "R"\nbase_url = "${server.url}"\nrequest_max_retries = 250\n`,
    });
    const provider = createProviderRegistry({ config, env: {}, retryBaseDelayMs: 0 }).get('r');
    const response = await provider.fetch(`${server.url}/models`);
    expect(response.status).toBe(500);
    expect(server.received).toHaveLength(101);
  });

  it('sends OpenAI-Organization and OpenAI-Project from the environment with the built-in openai provider', async () => {
    const server = await echoServer((a) => a === 'Bearer sk-stored-openai-key-0001');
    const manager = createAuthManager({ home: await tempDir(), env: {} });
    await manager.loginWithApiKey('sk-stored-openai-key-0001');
    // The built-in base URL is fixed; the transport carries its requests to the loopback server.
    const transport: typeof fetch = (input, init) =>
      globalThis.fetch(String(input).replace('https://api.openai.com', server.origin), init);
    const provider = createProviderRegistry({
      authManager: manager,
      env: { OPENAI_ORGANIZATION: 'org-42', OPENAI_PROJECT: ' ' },
      fetch: transport,
    }).get('openai');
    expect(provider.baseUrl).toBe('https://api.openai.com/v1');
    expect(await provider.listModels()).toHaveLength(2);
    expect(server.received[0]?.target).toBe('/v1/models');
    expect(server.received[0]?.headers['openai-organization']).toBe('org-42');
    expect(server.received[0]?.headers['openai-project']).toBeUndefined();
  });

  it('describes each generic auth source by method, never by secret', async () => {
    const config = await loadConfig({ toml: genericProviders('sk-canary-inline-0002') });
    const registry = createProviderRegistry({ config, env: { KEYED_KEY: 'sk-canary-env-0003' } });
    const keyed = await registry.get('keyed').describeAuth();
    expect(keyed).toEqual({ provider: 'keyed', method: 'env-key', variable: 'KEYED_KEY' });
    expect(await registry.get('inline').describeAuth()).toEqual({
      provider: 'inline',
      method: 'config-bearer-token',
    });
    expect(await registry.get('cmd').describeAuth()).toMatchObject({ provider: 'cmd', method: 'command' });
    expect(await registry.get('ollama').describeAuth()).toEqual({ provider: 'ollama', method: 'none' });
    const all = JSON.stringify([keyed, await registry.get('cmd').describeAuth()]);
    expect(all).not.toContain('sk-canary');
  });

  it('gzips request bodies once for every provider when compression is on', async () => {
    const server = await startLoopbackServer((_req, res, i) =>
      i === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, { ok: true }),
    );
    closeAfterTest(server);
    const config = await loadConfig({
      toml: `[model_providers.z]\nname = "Z"\nbase_url = "${server.url}"\nexperimental_bearer_token = "zip-token"\n`,
    });
    const provider = createProviderRegistry({
      config,
      env: {},
      compression: 'gzip',
      retryBaseDelayMs: 1,
    }).get('z');
    const body = JSON.stringify({ input: 'y'.repeat(4096) });
    const response = await provider.fetch(`${server.url}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
    for (const received of server.received) {
      expect(received.headers['content-encoding']).toBe('gzip');
      expect(received.headers.authorization).toBe('Bearer zip-token');
      expect(gunzipSync(received.body).toString()).toBe(body);
    }
  });

  it('reuses one provider object per id, so token caches are shared', () => {
    const registry = createProviderRegistry({ env: {} });
    expect(registry.get('ollama')).toBe(registry.get('ollama'));
    expect(registry.defaultProviderId()).toBe('openai');
  });
});
