import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PLACEHOLDER_API_KEY } from '@x/auth-seam';
import { createAuthManager } from '@x/auth-store';
import { type LoopbackServer, sendJson, tempDir, withinDeadline } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { echoArgsScript, hangingScript, runsOf, tokenScript } from '../__testing__/commandScripts.js';
import { configFromFile } from '../__testing__/configFromFile.js';
import { startVerifyingServer, TEST_AWS_KEYS } from '../__testing__/sigv4Server.js';
import { closeAfterTest, serve } from '../__testing__/trackedServers.js';
import { createProviderRegistry } from './createProviderRegistry.js';
import type { ModelProvider } from './modelProvider.js';
import type { ProviderRegistryOptions } from './providerRegistry.js';

// Every `[model_providers.<id>]` field that shapes a request, proven on the wire: a config.toml
// written to a temp file, loaded with loadConfig, built by the registry, and a request sent through
// `registry.get(id).fetch` (and listModels) to a loopback server that records what it received.
// Retry, recovery and timeout fields, whose effect is a count of requests, are in wireBounds.test.ts.

interface Setup {
  server: LoopbackServer;
  dir: string;
}

interface Row {
  field: string;
  /** The config.toml text; the provider under test is `p` unless `id` says otherwise. */
  toml(setup: Setup): string | Promise<string>;
  id?: string;
  /** The server; default an echo server (a model list for `/models`, `{ ok: true }` otherwise). */
  server?: () => Promise<LoopbackServer>;
  registry?(setup: Setup): Partial<ProviderRegistryOptions> | Promise<Partial<ProviderRegistryOptions>>;
  check(provider: ModelProvider, setup: Setup): Promise<void>;
}

const q = JSON.stringify;
const node = q(process.execPath);

const echo = (): Promise<LoopbackServer> =>
  serve((req, res) =>
    req.target.split('?')[0]?.endsWith('/models')
      ? sendJson(res, 200, { object: 'list', data: [{ id: 'm-1' }] })
      : sendJson(res, 200, { ok: true }),
  );

const verifying =
  (region: string, bearers: string[] = []) =>
  async () =>
    closeAfterTest(await startVerifyingServer({ region, bearers }));

/** A POST of a small JSON body to `<baseUrl>/responses` through the provider's fetch. */
async function post(provider: ModelProvider, init: RequestInit = {}): Promise<Response> {
  const response = await provider.fetch(`${provider.baseUrl}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"input":"hi"}',
    ...init,
  });
  await response.arrayBuffer();
  return response;
}

const generic = (server: LoopbackServer, lines: string) =>
  `[model_providers.p]\nname = "P"\nbase_url = ${q(server.url)}\n${lines}\n`;

const authorizations = (server: LoopbackServer) => server.received.map((r) => r.headers.authorization);

const rows: Row[] = [
  {
    field: 'base_url: every request goes to its origin and path prefix, none elsewhere',
    toml: ({ server }) => `[model_providers.p]\nname = "P"\nbase_url = "${server.origin}/gateway/v9"\n`,
    async check(provider, { server }) {
      expect(provider.baseUrl).toBe(`${server.origin}/gateway/v9`);
      expect(await provider.listModels()).toEqual([{ id: 'm-1' }]);
      expect((await post(provider)).status).toBe(200);
      expect(server.received.map((r) => `${r.method} ${r.target}`)).toEqual([
        'GET /gateway/v9/models',
        'POST /gateway/v9/responses',
      ]);
      const elsewhere = server.origin.replace('127.0.0.1', 'localhost');
      await expect(provider.fetch(`${elsewhere}/gateway/v9/models`)).rejects.toMatchObject({
        code: 'ORIGIN_MISMATCH',
      });
      expect(server.received).toHaveLength(2);
    },
  },
  {
    field: 'query_params: added to every request, on retries too, without overriding the caller',
    server: () =>
      serve((_req, res, i) => (i === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, { data: [] }))),
    toml: ({ server }) =>
      generic(server, 'query_params = { "api-version" = "2025-04-01-preview", deployment = "gpt-x" }'),
    registry: () => ({ retryBaseDelayMs: 1 }),
    async check(provider, { server }) {
      expect((await post(provider)).status).toBe(200);
      await provider.listModels();
      await provider.fetch(`${provider.baseUrl}/models?deployment=mine`);
      expect(server.received.map((r) => r.target)).toEqual([
        '/v1/responses?api-version=2025-04-01-preview&deployment=gpt-x',
        '/v1/responses?api-version=2025-04-01-preview&deployment=gpt-x',
        '/v1/models?api-version=2025-04-01-preview&deployment=gpt-x',
        '/v1/models?deployment=mine&api-version=2025-04-01-preview',
      ]);
    },
  },
  {
    field: 'http_headers: sent with every request',
    toml: ({ server }) => generic(server, 'http_headers = { "X-Team" = "search", "X-Trace-Tag" = "t-1" }'),
    async check(provider, { server }) {
      await provider.listModels();
      await post(provider);
      for (const received of server.received) {
        expect(received.headers).toMatchObject({ 'x-team': 'search', 'x-trace-tag': 't-1' });
      }
      expect(server.received).toHaveLength(2);
    },
  },
  {
    field: 'env_http_headers: read from the environment, trimmed, skipped when unset or blank',
    toml: ({ server }) =>
      generic(
        server,
        'env_http_headers = { "X-Org" = "ORG_ID", "X-Unset" = "NOT_SET", "X-Blank" = "BLANK" }',
      ),
    registry: () => ({ env: { ORG_ID: ' org-7 ', BLANK: '  ' } }),
    async check(provider, { server }) {
      await provider.listModels();
      await post(provider);
      for (const received of server.received) {
        expect(received.headers['x-org']).toBe('org-7');
        expect(received.headers).not.toHaveProperty('x-unset');
        expect(received.headers).not.toHaveProperty('x-blank');
      }
      expect(server.received).toHaveLength(2);
    },
  },
  {
    field: 'env_key: the variable, trimmed, is the bearer',
    toml: ({ server }) => generic(server, 'env_key = "P_API_KEY"'),
    registry: () => ({ env: { P_API_KEY: ' key-from-env-123 ' } }),
    async check(provider, { server }) {
      await provider.listModels();
      await post(provider, { headers: { authorization: `Bearer ${PLACEHOLDER_API_KEY}` } });
      expect(authorizations(server)).toEqual(['Bearer key-from-env-123', 'Bearer key-from-env-123']);
    },
  },
  {
    field: 'experimental_bearer_token: the bearer',
    toml: ({ server }) => generic(server, 'experimental_bearer_token = "inline-token-42"'),
    async check(provider, { server }) {
      await provider.listModels();
      await post(provider);
      expect(authorizations(server)).toEqual(['Bearer inline-token-42', 'Bearer inline-token-42']);
    },
  },
  {
    field: 'auth.command: the printed token is the bearer, one run for many requests',
    async toml({ server, dir }) {
      const { script } = await tokenScript(dir, ['cmd-token-1', 'cmd-token-2']);
      return generic(server, `auth = { command = ${node}, args = [${q(script)}] }`);
    },
    async check(provider, { server, dir }) {
      await provider.listModels();
      await post(provider);
      await post(provider);
      expect(authorizations(server)).toEqual(Array(3).fill('Bearer cmd-token-1'));
      expect(runsOf(join(dir, 'runs'))).toBe(1);
    },
  },
  {
    field: 'auth.args: passed to the command as its argv',
    async toml({ server, dir }) {
      const script = await echoArgsScript(dir);
      return generic(server, `auth = { command = ${node}, args = [${q(script)}, "from-args"] }`);
    },
    async check(provider, { server, dir }) {
      await post(provider);
      const cwdName = process.cwd().split('/').at(-1);
      expect(authorizations(server)).toEqual([`Bearer from-args.${cwdName}`]);
      expect(dir).not.toBe(process.cwd());
    },
  },
  {
    field: 'auth.cwd: the command runs there',
    async toml({ server, dir }) {
      const script = await echoArgsScript(dir);
      await mkdir(join(dir, 'token-cwd'));
      return generic(
        server,
        `auth = { command = ${node}, args = [${q(script)}, "c"], cwd = ${q(join(dir, 'token-cwd'))} }`,
      );
    },
    async check(provider, { server }) {
      await post(provider);
      expect(authorizations(server)).toEqual(['Bearer c.token-cwd']);
    },
  },
  {
    field: 'auth.timeout_ms: a command still running then is stopped, and nothing is sent',
    async toml({ server, dir }) {
      const script = await hangingScript(dir);
      return generic(server, `auth = { command = ${node}, args = [${q(script)}], timeout_ms = 300 }`);
    },
    async check(provider, { server }) {
      const error = await withinDeadline('the timed-out command', (signal) =>
        post(provider, { signal }).then(
          () => undefined,
          (e: unknown) => e,
        ),
      );
      expect(error).toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('after 300 ms') });
      expect(server.received).toEqual([]);
    },
  },
  {
    field: 'auth.refresh_interval_ms: a token older than the interval is replaced before the next request',
    async toml({ server, dir }) {
      const { script } = await tokenScript(dir, ['aged-1', 'aged-2', 'aged-3']);
      return generic(server, `auth = { command = ${node}, args = [${q(script)}], refresh_interval_ms = 1 }`);
    },
    async check(provider, { server }) {
      await post(provider);
      await expect
        .poll(async () => {
          await post(provider);
          return server.received.at(-1)?.headers.authorization;
        })
        .not.toBe('Bearer aged-1');
      expect(authorizations(server)[0]).toBe('Bearer aged-1');
    },
  },
  {
    field: 'requires_openai_auth: the stored OpenAI login is the bearer',
    toml: ({ server }) => generic(server, 'requires_openai_auth = true'),
    async registry({ dir }) {
      const authManager = createAuthManager({ home: join(dir, 'home'), env: {} });
      await authManager.loginWithApiKey('sk-stored-login-0123456789');
      return { authManager };
    },
    async check(provider, { server }) {
      await provider.listModels();
      await post(provider);
      expect(authorizations(server)).toEqual(Array(2).fill('Bearer sk-stored-login-0123456789'));
    },
  },
  {
    field: 'aws.region: SigV4 signed for that region',
    server: verifying('eu-west-1'),
    toml: ({ server }) =>
      `[model_providers.p]\nname = "P"\nbase_url = "${server.origin}/openai/v1"\naws = { region = "eu-west-1" }\n`,
    registry: () => ({
      env: {
        AWS_ACCESS_KEY_ID: TEST_AWS_KEYS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_AWS_KEYS.secretAccessKey,
      },
    }),
    async check(provider, { server }) {
      expect(await provider.listModels()).toHaveLength(1);
      expect((await post(provider)).headers.get('x-verified')).toBe('sigv4:bedrock-mantle');
      expect(server.received.map((r) => String(r.headers.authorization))).toEqual([
        expect.stringContaining('/eu-west-1/bedrock-mantle/aws4_request'),
        expect.stringContaining('/eu-west-1/bedrock-mantle/aws4_request'),
      ]);
    },
  },
  {
    field: 'aws.profile: the profile’s keys sign, over the environment’s',
    server: verifying('us-east-1'),
    async toml({ server, dir }) {
      await writeFile(
        join(dir, 'credentials'),
        `[work]\naws_access_key_id = ${TEST_AWS_KEYS.accessKeyId}\naws_secret_access_key = ${TEST_AWS_KEYS.secretAccessKey}\n`,
      );
      return `[model_providers.p]\nname = "P"\nbase_url = "${server.origin}/openai/v1"\naws = { profile = "work", region = "us-east-1" }\n`;
    },
    registry: ({ dir }) => ({
      env: {
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_ACCESS_KEY_ID: 'AKIDWRONGENVKEY00000',
        AWS_SECRET_ACCESS_KEY: 'wrong-env-secret',
      },
    }),
    async check(provider, { server }) {
      expect((await post(provider)).headers.get('x-verified')).toBe('sigv4:bedrock-mantle');
      expect(String(server.received[0]?.headers.authorization)).toContain(TEST_AWS_KEYS.accessKeyId);
    },
  },
  {
    field: 'built-in override (amazon-bedrock): base_url, aws.region and http_headers merged with Mantle’s',
    id: 'amazon-bedrock',
    server: verifying('ap-south-1'),
    toml: ({ server }) =>
      `[model_providers.amazon-bedrock]\nbase_url = "${server.origin}/openai/v1"\naws = { region = "ap-south-1" }\nhttp_headers = { "X-Team" = "search" }\n`,
    registry: () => ({
      env: {
        AWS_ACCESS_KEY_ID: TEST_AWS_KEYS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_AWS_KEYS.secretAccessKey,
      },
    }),
    async check(provider, { server }) {
      expect((await post(provider)).headers.get('x-verified')).toBe('sigv4:bedrock-mantle');
      expect(server.received[0]?.target).toBe('/openai/v1/responses');
      expect(server.received[0]?.headers).toMatchObject({
        'x-team': 'search',
        'x-amzn-mantle-client-agent': 'x-model-provider',
      });
    },
  },
  {
    field: 'built-in override (amazon-bedrock-runtime): base_url, signed as bedrock',
    id: 'amazon-bedrock-runtime',
    server: verifying('us-west-2'),
    toml: ({ server }) =>
      `[model_providers.amazon-bedrock-runtime]\nbase_url = "${server.origin}/openai/v1"\naws = { region = "us-west-2" }\n`,
    registry: () => ({
      env: {
        AWS_ACCESS_KEY_ID: TEST_AWS_KEYS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_AWS_KEYS.secretAccessKey,
      },
    }),
    async check(provider) {
      expect(await provider.listModels()).toHaveLength(1);
      expect((await post(provider)).headers.get('x-verified')).toBe('sigv4:bedrock');
    },
  },
  {
    field: 'built-in override (amazon-bedrock auth): the command’s token instead of any AWS source',
    id: 'amazon-bedrock',
    server: verifying('us-east-1', ['bedrock-cmd-token']),
    async toml({ server, dir }) {
      const { script } = await tokenScript(dir, ['bedrock-cmd-token']);
      return `[model_providers.amazon-bedrock]\nbase_url = "${server.origin}/openai/v1"\nauth = { command = ${node}, args = [${q(script)}] }\n`;
    },
    registry: () => ({
      env: {
        AWS_BEARER_TOKEN_BEDROCK: 'env-bedrock-key',
        AWS_ACCESS_KEY_ID: TEST_AWS_KEYS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_AWS_KEYS.secretAccessKey,
      },
    }),
    async check(provider, { server }) {
      expect((await post(provider)).headers.get('x-verified')).toBe('bearer');
      expect(authorizations(server)).toEqual(['Bearer bedrock-cmd-token']);
    },
  },
];

describe('every config field on the wire, through loadConfig and the registry', () => {
  for (const row of rows) {
    it(row.field, async () => {
      const dir = await tempDir('x-wire-');
      const server = await (row.server ?? echo)();
      const setup = { server, dir };
      const config = await configFromFile(await row.toml(setup));
      const registry = createProviderRegistry({ config, env: {}, ...(await row.registry?.(setup)) });
      await row.check(registry.get(row.id ?? 'p'), setup);
    });
  }

  it('env_key_instructions: named with the variable when it is unset or blank, and nothing is sent', async () => {
    const server = await echo();
    const config = await configFromFile(
      generic(
        server,
        'env_key = "P_API_KEY"\nenv_key_instructions = "Create a key at https://example.test/keys."',
      ),
    );
    for (const env of [{}, { P_API_KEY: ' ' }]) {
      let error: unknown;
      try {
        createProviderRegistry({ config, env }).get('p');
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        code: 'MISSING_ENV_KEY',
        message:
          'provider `p` needs the environment variable P_API_KEY, which is not set or is blank. Create a key at https://example.test/keys.',
      });
    }
    expect(server.received).toEqual([]);
  });
});
