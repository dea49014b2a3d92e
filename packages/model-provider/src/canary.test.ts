import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig.js';
import { createProviderRegistry } from './providerRegistry.js';
import { sendJson, startLoopbackServer } from './test-support/loopbackServer.js';
import { tempDir, tokenScript } from './test-support/tempDir.js';

const CANARY = 'sk-canary-model-provider-5e1d7c9a3b';
const COMMAND_CANARY = 'cmd-canary-token-8f2e4a6c0b';
const AWS_CANARY = 'aws-canary-secret-3c5e7a9b1d0f2e4a6c8b';

/** Everything a user could see of an outcome: message, stack, cause chain, inspect and JSON. */
function surfaces(value: unknown): string {
  return [
    String(value),
    value instanceof Error ? value.stack : '',
    inspect(value, { depth: 10, showHidden: true }),
    JSON.stringify(value, (_k, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v)),
  ].join('\n');
}

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
      req.url?.includes('/fail')
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
});
