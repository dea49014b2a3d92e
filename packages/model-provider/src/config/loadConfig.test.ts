import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configError } from '../__testing__/configError.js';
import { ProviderConfigError } from '../errors.js';
import { loadConfig } from './loadConfig.js';

describe('loadConfig', () => {
  it('reads every provider field with Codex names from a real file, ignoring other Codex settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'x-config-'));
    const file = join(dir, 'config.toml');
    await writeFile(
      file,
      `model = "gpt-5"
model_provider = "corp"
approval_policy = "on-request"   # a Codex setting this package does not use

[model_providers.corp]
name = "Corp gateway"
base_url = "https://llm.corp.example/v1"
wire_api = "responses"
query_params = { "api-version" = "2025-01-01" }
http_headers = { "X-Team" = "search" }
env_http_headers = { "X-Trace" = "CORP_TRACE" }
request_max_retries = 7
stream_max_retries = 3
stream_idle_timeout_ms = 60000

[model_providers.corp.auth]
command = "corp-token"
args = ["print", "--audience", "llm"]
timeout_ms = 2000
refresh_interval_ms = 0
cwd = "/opt/corp"

[model_providers.keyed]
name = "Keyed"
base_url = "http://127.0.0.1:8080/v1"
env_key = "KEYED_API_KEY"
env_key_instructions = "Create a key at the console."

[model_providers.amazon-bedrock]
aws = { region = "eu-west-1", profile = "work" }
`,
    );
    const config = await loadConfig({ file });
    expect(config.file).toBe(file);
    expect(config.model).toBe('gpt-5');
    expect(config.modelProvider).toBe('corp');
    expect(config.modelProviders.corp).toEqual({
      name: 'Corp gateway',
      base_url: 'https://llm.corp.example/v1',
      wire_api: 'responses',
      query_params: { 'api-version': '2025-01-01' },
      http_headers: { 'X-Team': 'search' },
      env_http_headers: { 'X-Trace': 'CORP_TRACE' },
      request_max_retries: 7,
      stream_max_retries: 3,
      stream_idle_timeout_ms: 60000,
      auth: {
        command: 'corp-token',
        args: ['print', '--audience', 'llm'],
        timeout_ms: 2000,
        refresh_interval_ms: 0,
        cwd: '/opt/corp',
      },
    });
    expect(config.modelProviders.keyed?.env_key).toBe('KEYED_API_KEY');
    expect(config.builtInOverrides['amazon-bedrock']).toEqual({
      aws: { region: 'eu-west-1', profile: 'work' },
    });
  });

  it('rejects an unknown field with its TOML path, the file and the line', async () => {
    const error = await configError(
      '[model_providers.corp]\nname = "Corp"\nbase_url = "https://x.example"\nretries = 3\n',
      '/etc/x/config.toml',
    );
    expect(error.code).toBe('UNKNOWN_FIELD');
    expect(error.field).toBe('model_providers.corp.retries');
    expect(error.file).toBe('/etc/x/config.toml');
    expect(error.line).toBe(4);
    expect(error.message).toBe('/etc/x/config.toml:4: model_providers.corp.retries: unknown field `retries`');
  });

  it('rejects an unknown field in a nested auth table', async () => {
    const error = await configError(
      '[model_providers.corp]\nname = "Corp"\n[model_providers.corp.auth]\ncommand = "t"\nshell = true\n',
    );
    expect(error.code).toBe('UNKNOWN_FIELD');
    expect(error.field).toBe('model_providers.corp.auth.shell');
    expect(error.line).toBe(5);
  });

  it.each([
    ['env_key = "K"\n', 'provider auth cannot be combined with env_key'],
    [
      'env_key = "K"\nrequires_openai_auth = true\n',
      'provider auth cannot be combined with env_key, requires_openai_auth',
    ],
    [
      'experimental_bearer_token = "tok"\n',
      'provider auth cannot be combined with experimental_bearer_token',
    ],
  ])(
    'rejects auth combined with other auth fields, naming exactly those set (%#)',
    async (extra, message) => {
      const error = await configError(`[model_providers.c]\nname = "C"\n${extra}auth = { command = "t" }\n`);
      expect(error.code).toBe('CONFLICTING_FIELDS');
      expect(error.field).toBe('model_providers.c.auth');
      expect(error.message).toContain(message);
      expect(error.message.endsWith(message)).toBe(true);
    },
  );

  it('does not count requires_openai_auth = false as set', async () => {
    const config = await loadConfig({
      toml: '[model_providers.c]\nname = "C"\nrequires_openai_auth = false\nauth = { command = "t" }\n',
    });
    expect(config.modelProviders.c?.auth?.command).toBe('t');
  });

  it('rejects aws combined with websockets, env_key, bearer token, auth or OpenAI auth', async () => {
    const error = await configError(
      '[model_providers.c]\nname = "C"\nsupports_websockets = true\nenv_key = "K"\nauth = { command = "t" }\naws = { region = "us-east-1" }\n',
    );
    expect(error.code).toBe('CONFLICTING_FIELDS');
    expect(error.message).toMatch(/provider aws cannot be combined with env_key, auth, supports_websockets$/);
  });

  it.each([
    ['supports_websockets = true', 'supports_websockets'],
    ['env_key = "K"', 'env_key'],
    ['experimental_bearer_token = "tok"', 'experimental_bearer_token'],
    ['auth = { command = "t" }', 'auth'],
    ['requires_openai_auth = true', 'requires_openai_auth'],
    ['env_key = "K"\nrequires_openai_auth = true', 'env_key, requires_openai_auth'],
  ])('rejects aws with %s, naming exactly the fields set', async (extra, named) => {
    const error = await configError(
      `[model_providers.c]\nname = "C"\naws = { region = "us-east-1" }\n${extra}\n`,
      '/etc/x/config.toml',
    );
    expect(error.code).toBe('CONFLICTING_FIELDS');
    expect(error.field).toBe('model_providers.c.aws');
    expect(error.file).toBe('/etc/x/config.toml');
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      `/etc/x/config.toml:3: model_providers.c.aws: provider aws cannot be combined with ${named}`,
    );
  });

  it('explains that wire_api = "chat" was removed', async () => {
    const error = await configError('[model_providers.c]\nname = "C"\nwire_api = "chat"\n', 'config.toml');
    expect(error.code).toBe('WIRE_API_REMOVED');
    expect(error.line).toBe(3);
    expect(error.message).toContain('no longer supported');
  });

  it('rejects other wire_api values as invalid', async () => {
    expect((await configError('[model_providers.c]\nname = "C"\nwire_api = "grpc"\n')).code).toBe(
      'INVALID_FIELD',
    );
  });

  it('says `provider auth.command must not be empty`', async () => {
    const error = await configError(
      '[model_providers.c]\nname = "C"\n[model_providers.c.auth]\ncommand = "  "\n',
    );
    expect(error.code).toBe('INVALID_FIELD');
    expect(error.message).toContain('provider auth.command must not be empty');
    expect(error.field).toBe('model_providers.c.auth.command');
  });

  it.each([
    ['auth = { command = "t", timeout_ms = 0 }', 'model_providers.c.auth.timeout_ms'],
    ['auth = { command = "t", refresh_interval_ms = -1 }', 'model_providers.c.auth.refresh_interval_ms'],
    ['auth = { command = "t", cwd = "relative/dir" }', 'model_providers.c.auth.cwd'],
    ['base_url = "ftp://files.example"', 'model_providers.c.base_url'],
    ['request_max_retries = "four"', 'model_providers.c.request_max_retries'],
    ['stream_idle_timeout_ms = 0', 'model_providers.c.stream_idle_timeout_ms'],
  ])('names the invalid field: %s', async (line, field) => {
    const error = await configError(`[model_providers.c]\nname = "C"\n${line}\n`);
    expect(error.code).toBe('INVALID_FIELD');
    expect(error.field).toBe(field);
  });

  it('requires a name for user providers', async () => {
    const error = await configError('[model_providers.c]\nbase_url = "http://127.0.0.1:1/v1"\n');
    expect(error.field).toBe('model_providers.c.name');
  });

  it('refuses to redefine a built-in provider', async () => {
    const error = await configError(
      '[model_providers.openai]\nname = "Mine"\nbase_url = "http://127.0.0.1:1/v1"\n',
    );
    expect(error.code).toBe('BUILTIN_OVERRIDE');
    expect(error.message).toContain('`openai` is a built-in provider');
  });

  it('lets Bedrock built-ins take only base_url, auth, http_headers and aws', async () => {
    const ok = await loadConfig({
      toml: '[model_providers.amazon-bedrock-runtime]\nbase_url = "http://127.0.0.1:9/openai/v1"\nhttp_headers = { a = "b" }\n',
    });
    expect(ok.builtInOverrides['amazon-bedrock-runtime']?.base_url).toBe('http://127.0.0.1:9/openai/v1');
    const error = await configError('[model_providers.amazon-bedrock]\nenv_key = "K"\n');
    expect(error.code).toBe('BUILTIN_OVERRIDE');
    expect(error.field).toBe('model_providers.amazon-bedrock.env_key');
    expect(error.message).toContain('accepts only base_url, auth, http_headers, aws');
  });

  it('rejects a model_provider that names no provider', async () => {
    const error = await configError('model_provider = "nope"\n');
    expect(error.code).toBe('UNKNOWN_PROVIDER');
    expect(error.field).toBe('model_provider');
  });

  it('reports TOML syntax errors with file and line, without quoting the file', async () => {
    const error = await configError(
      '[model_providers.c]\nexperimental_bearer_token = "sk-canary-123"\nname = = "C"\n',
      '/home/u/config.toml',
    );
    expect(error.code).toBe('TOML_SYNTAX');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^\/home\/u\/config\.toml:3:\d+: invalid TOML: /);
    expect(error.message).not.toContain('sk-canary-123');
  });

  it('names a missing file', async () => {
    const error = await loadConfig({ file: '/nonexistent/x/config.toml' }).then(
      () => undefined,
      (e: unknown) => e as ProviderConfigError,
    );
    expect(error).toBeInstanceOf(ProviderConfigError);
    expect(error?.code).toBe('CONFIG_READ_FAILED');
    expect(error?.message).toContain('/nonexistent/x/config.toml');
    expect(error?.message).toContain('ENOENT');
  });

  it('treats no source as an empty configuration', async () => {
    expect(await loadConfig({})).toEqual({ modelProviders: {}, builtInOverrides: {} });
  });
});
