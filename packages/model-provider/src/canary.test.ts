import type { AuthSource } from '@x/auth-seam';
import { causeChain, renderings, sendJson, startLoopbackServer, tempDir } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { tokenScript } from './__testing__/commandScripts.js';
import { countingFetch } from './__testing__/countingFetch.js';
import { loadConfig } from './config/loadConfig.js';
import { createProviderFetch } from './pipeline/createProviderFetch.js';
import { createProviderRegistry } from './registry/createProviderRegistry.js';

const CANARY = 'sk-canary-model-provider-5e1d7c9a3b';
const COMMAND_CANARY = 'cmd-canary-token-8f2e4a6c0b';
const AWS_CANARY = 'aws-canary-secret-3c5e7a9b1d0f2e4a6c8b';

/** Everything a user could see: message, stack, every cause, deep inspect (hidden too) and JSON. */
const surfaces = (value: unknown): string => renderings(value).join('\n');

describe('secrets never leak from @x/model-provider', () => {
  it('config errors do not quote secret values', async () => {
    const outcomes = await Promise.all(
      [
        `[model_providers.c]\nname = "C"\nexperimental_bearer_token = "${CANARY}"\nenv_key = "K"\nauth = { command = "x" }\n`,
        `[model_providers.c]\nname = "C"\nexperimental_bearer_token = "${CANARY}"\nbase_url = "${CANARY}"\n`,
        `[model_providers.c]\nname = "C"\nexperimental_bearer_token = ${CANARY}\n`,
        `[model_providers.c]\nname = "C"\nexperimental_bearer_token = "${CANARY}"\nnot_a_field = "${CANARY}"\n`,
        `[model_providers.openai]\nexperimental_bearer_token = "${CANARY}"\n`,
      ].map((toml) => loadConfig({ toml, file: '/etc/x/config.toml' }).catch((e: unknown) => e)),
    );
    for (const outcome of outcomes) {
      expect(outcome).toBeInstanceOf(Error);
      expect(surfaces(outcome)).not.toContain(CANARY);
    }
  });

  it('a loaded config keeps experimental_bearer_token out of inspect and JSON, yet sends it', async () => {
    const server = await startLoopbackServer((_req, res) => sendJson(res, 200, { data: [] }));
    const config = await loadConfig({
      toml: `[model_providers.c]\nname = "C"\nbase_url = "${server.url}"\nexperimental_bearer_token = "${CANARY}"\n`,
    });
    expect(surfaces(config)).not.toContain(CANARY);
    expect(surfaces({ ...config.modelProviders.c })).not.toContain(CANARY);
    await createProviderRegistry({ config, env: {} }).get('c').listModels();
    await server.close();
    expect(server.received[0]?.headers.authorization).toBe(`Bearer ${CANARY}`);
  });

  it('providers, summaries and failed requests do not show the bearer, command token or AWS keys', async () => {
    const server = await startLoopbackServer((req, res) =>
      req.target?.includes('/fail')
        ? sendJson(res, 401, { error: 'no' })
        : sendJson(res, 500, { error: 'down' }),
    );
    const { script } = await tokenScript(await tempDir(), [COMMAND_CANARY]);
    const config = await loadConfig({
      toml: `
[model_providers.inline]
name = "Inline"
base_url = "${server.url}"
experimental_bearer_token = "${CANARY}"
request_max_retries = 1

[model_providers.cmd]
name = "Cmd"
base_url = "${server.url}"
auth = { command = ${JSON.stringify(process.execPath)}, args = [${JSON.stringify(script)}] }

[model_providers.keyed]
name = "Keyed"
base_url = "${server.url}"
env_key = "KEYED"

[model_providers.amazon-bedrock]
base_url = "${server.origin}/openai/v1"
aws = { region = "us-east-1" }
`,
    });
    const env = {
      KEYED: CANARY,
      AWS_ACCESS_KEY_ID: 'AKIDCANARY0000000000',
      AWS_SECRET_ACCESS_KEY: AWS_CANARY,
    };
    const registry = createProviderRegistry({ config, env, retryBaseDelayMs: 0 });
    const seen: unknown[] = [registry.list(), registry];
    for (const id of ['inline', 'cmd', 'keyed', 'amazon-bedrock']) {
      const provider = registry.get(id);
      seen.push(provider, provider.info, await provider.describeAuth());
      seen.push(await provider.listModels().catch((e: unknown) => e));
      seen.push(await provider.fetch(`${provider.baseUrl}/fail`).then((r) => r.text()));
      seen.push(await provider.fetch('http://127.0.0.1:1/elsewhere').catch((e: unknown) => e));
    }
    const dead = createProviderRegistry({
      config: await loadConfig({
        toml: `[model_providers.d]\nname = "D"\nbase_url = "http://127.0.0.1:1/v1"\nexperimental_bearer_token = "${CANARY}"\nrequest_max_retries = 0\n`,
      }),
      env: {},
    }).get('d');
    seen.push(await dead.listModels().catch((e: unknown) => e));
    await server.close();
    const all = seen.map(surfaces).join('\n');
    for (const secret of [CANARY, COMMAND_CANARY, AWS_CANARY]) expect(all).not.toContain(secret);
    expect(all).toContain('ORIGIN_MISMATCH');
    expect(all).toContain('TRANSPORT');
  });

  it('header-unsafe credentials and platform errors leave no secret anywhere in the cause chain', async () => {
    const server = await startLoopbackServer((_req, res) => sendJson(res, 200, { data: [] }));
    const { fetch: transport, calls } = countingFetch();
    const hostile = `${CANARY}\r\nX-Injected: 1`;
    const registry = createProviderRegistry({
      config: {
        modelProviders: {
          keyed: { name: 'K', base_url: server.url, env_key: 'KEYED' },
          inline: { name: 'I', base_url: server.url, experimental_bearer_token: `${CANARY}\u0000` },
          traced: { name: 'T', base_url: server.url, env_http_headers: { 'X-Trace': 'TRACE' } },
        },
        builtInOverrides: {},
      },
      env: { KEYED: hostile, TRACE: hostile },
      fetch: transport,
      retryBaseDelayMs: 0,
    });
    const badSource: AuthSource = {
      authorize: async (request) => ({
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${hostile}` },
      }),
      describe: () => ({}),
    };
    const direct = (auth?: AuthSource) =>
      createProviderFetch({ baseUrl: server.url, auth, fetch: transport, retryBaseDelayMs: 0 });
    const outcomes = [
      await (async () => registry.get('keyed'))().catch((e: unknown) => e),
      await (async () => registry.get('inline'))().catch((e: unknown) => e),
      await registry
        .get('traced')
        .listModels()
        .catch((e: unknown) => e),
      await direct(badSource)(`${server.url}/models`).catch((e: unknown) => e),
      await direct()(`${server.url}/models`, { headers: [['x-key', hostile]] }).catch((e: unknown) => e),
      await direct()(`${server.url}/models`, { headers: { 'x-key': hostile } }).catch((e: unknown) => e),
    ];
    expect(outcomes.map((e) => (e as { code?: string }).code)).toEqual([
      'INVALID_CREDENTIAL_VALUE',
      'INVALID_CREDENTIAL_VALUE',
      'INVALID_HEADER_VALUE',
      'INVALID_HEADER_VALUE',
      'INVALID_HEADER_VALUE',
      'INVALID_HEADER_VALUE',
    ]);
    // Refused before the transport: nothing sent, nothing retried.
    expect(calls.count).toBe(0);
    expect(server.received).toHaveLength(0);

    // The platform refuses a URL with a password, quoting the URL: our error keeps no such message.
    const withPassword = `${server.origin.replace('//', `//user:${CANARY}@`)}/v1/models`;
    const refused = await createProviderFetch({ baseUrl: server.url, requestMaxRetries: 0 })(
      withPassword,
    ).catch((e: unknown) => e);
    await server.close();
    expect((refused as { code?: string }).code).toBe('TRANSPORT');
    expect(causeChain(refused).length).toBeGreaterThan(1);
    for (const outcome of [...outcomes, refused]) expect(surfaces(outcome)).not.toContain(CANARY);
  });
});
