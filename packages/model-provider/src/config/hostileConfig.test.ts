import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { configError } from '../__testing__/configError.js';
import { createProviderRegistry } from '../registry/createProviderRegistry.js';
import { loadConfig } from './loadConfig.js';

const FILE = '/etc/x/config.toml';
const SECRET = 'sk-hostile-3f9a1c7e5b';
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Every place a message or detail could show a value. */
const shown = (error: unknown): string =>
  [String(error), inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })].join('\n');

describe('loadConfig refuses hostile values with file and line, never quoting them', () => {
  it.each([
    ['CR LF', `${SECRET}\\r\\nX-Injected: 1`],
    ['LF', `${SECRET}\\nmore`],
    ['NUL', `${SECRET}\\u0000`],
    ['another control character', `${SECRET}\\u0007`],
    ['a character above U+00FF', `${SECRET}\\u2019`],
  ])('experimental_bearer_token with %s: INVALID_CREDENTIAL_VALUE', async (_what, token) => {
    const error = await configError(
      `[model_providers.c]\nname = "C"\nbase_url = "http://127.0.0.1:1/v1"\nexperimental_bearer_token = "${token}"\n`,
      FILE,
    );
    expect(error.code).toBe('INVALID_CREDENTIAL_VALUE');
    expect(error.field).toBe('model_providers.c.experimental_bearer_token');
    expect(error.line).toBe(4);
    expect(error.message).toMatch(
      /^\/etc\/x\/config\.toml:4: model_providers\.c\.experimental_bearer_token: /,
    );
    expect(shown(error)).not.toContain(SECRET);
  });

  it('http_headers value with CR LF, in a table of its own: INVALID_HEADER on the header line', async () => {
    const error = await configError(
      `[model_providers.c]\nname = "C"\n\n[model_providers.c.http_headers]\n"X-Team" = "search"\n"X-Key" = "${SECRET}\\r\\nX-Injected: 1"\n`,
      FILE,
    );
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.field).toBe('model_providers.c.http_headers.X-Key');
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(6);
    expect(shown(error)).not.toContain(SECRET);
  });

  it.each([
    ['a space', 'X Team'],
    ['a colon', 'X-Team:'],
    ['CR LF', 'X-Team\\r\\nX-Injected'],
    ['an empty name', ''],
  ])('http_headers name with %s: INVALID_HEADER', async (_what, name) => {
    const error = await configError(
      `[model_providers.c]\nname = "C"\nhttp_headers = { "${name}" = "v" }\n`,
      FILE,
    );
    expect(error.code).toBe('INVALID_HEADER');
    expect(error.field).toBe('model_providers.c.http_headers');
    expect(error.line).toBe(3);
    // The name is quoted with its control characters escaped: the message stays one line.
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it('env_http_headers: an invalid header name, or a value that cannot name a variable', async () => {
    const name = await configError(
      '[model_providers.c]\nname = "C"\nenv_http_headers = { "X\\nY" = "TRACE" }\n',
      FILE,
    );
    expect([name.code, name.line]).toEqual(['INVALID_HEADER', 3]);
    const variable = await configError(
      '[model_providers.c]\nname = "C"\n[model_providers.c.env_http_headers]\nX-Trace = "TRACE\\r\\nX"\n',
      FILE,
    );
    expect([variable.code, variable.field, variable.line]).toEqual([
      'INVALID_HEADER',
      'model_providers.c.env_http_headers.X-Trace',
      4,
    ]);
  });

  it('a Bedrock override with a bad http_headers value is refused as well', async () => {
    const error = await configError(
      `[model_providers.amazon-bedrock]\nhttp_headers = { "x-a" = "${SECRET}\\n" }\n`,
      FILE,
    );
    expect([error.code, error.line]).toEqual(['INVALID_HEADER', 2]);
    expect(shown(error)).not.toContain(SECRET);
  });

  it.each([
    ['a user and password', `https://user:${SECRET}@llm.example/v1`],
    ['a password only', `https://:${SECRET}@llm.example/v1`],
    ['a user only', `https://${SECRET}@llm.example/v1`],
  ])('base_url with %s: BASE_URL_USERINFO, without the password', async (_what, url) => {
    const error = await configError(`[model_providers.c]\nname = "C"\nbase_url = "${url}"\n`, FILE);
    expect(error.code).toBe('BASE_URL_USERINFO');
    expect(error.field).toBe('model_providers.c.base_url');
    expect(error.line).toBe(3);
    expect(shown(error)).not.toContain(SECRET);
  });

  it('base_url with userinfo on a Bedrock override is refused too', async () => {
    const error = await configError(
      `[model_providers.amazon-bedrock]\nbase_url = "https://u:${SECRET}@bedrock.example/openai/v1"\n`,
      FILE,
    );
    expect([error.code, error.line]).toEqual(['BASE_URL_USERINFO', 2]);
    expect(shown(error)).not.toContain(SECRET);
  });

  it.each([
    ['stream_idle_timeout_ms', `stream_idle_timeout_ms = ${MAX_TIMER_MS + 1}`, 3],
    ['auth.timeout_ms', `[model_providers.c.auth]\ncommand = "t"\ntimeout_ms = ${MAX_TIMER_MS + 1}`, 5],
    [
      'auth.refresh_interval_ms',
      `[model_providers.c.auth]\ncommand = "t"\nrefresh_interval_ms = ${2 ** 40}`,
      5,
    ],
  ])('%s above 2^31-1 ms is INVALID_FIELD with its line', async (field, lines, line) => {
    const error = await configError(`[model_providers.c]\nname = "C"\n${lines}\n`, FILE);
    expect(error.code).toBe('INVALID_FIELD');
    expect(error.field).toBe(`model_providers.c.${field}`);
    expect(error.line).toBe(line);
    expect(error.message).toContain(`at most ${MAX_TIMER_MS}`);
  });

  it('accepts the largest timer values, and retry counts that are non-negative integers', async () => {
    const config = await loadConfig({
      toml: `[model_providers.c]\nname = "C"\nstream_idle_timeout_ms = ${MAX_TIMER_MS}\nrequest_max_retries = 100000\nauth = { command = "t", timeout_ms = ${MAX_TIMER_MS}, refresh_interval_ms = ${MAX_TIMER_MS} }\n`,
    });
    expect(config.modelProviders.c?.stream_idle_timeout_ms).toBe(MAX_TIMER_MS);
    for (const bad of ['request_max_retries = -1', 'stream_max_retries = 1.5', 'request_max_retries = inf']) {
      const error = await configError(`[model_providers.c]\nname = "C"\n${bad}\n`, FILE);
      expect([error.code, error.line]).toEqual(['INVALID_FIELD', 3]);
    }
  });

  it('accepts ordinary headers, tabs and spaces inside values, and Latin-1 bytes', async () => {
    const config = await loadConfig({
      toml: '[model_providers.c]\nname = "C"\nhttp_headers = { "X-A" = "a b\\tc", "x_b~" = "caf\\u00e9" }\nenv_http_headers = { "X-Trace" = "TRACE" }\n',
    });
    expect(config.modelProviders.c?.http_headers).toEqual({ 'X-A': 'a b\tc', 'x_b~': 'café' });
  });
});

describe('registry.list() with a configuration built in code', () => {
  it('shows no user name or password of a base_url', () => {
    const registry = createProviderRegistry({
      config: {
        modelProviders: { c: { name: 'C', base_url: `https://user:${SECRET}@llm.example/v1` } },
        builtInOverrides: {},
      },
      env: {},
    });
    const listed = registry.list().find((summary) => summary.id === 'c');
    expect(listed?.baseUrl).toBe('https://llm.example/v1');
    expect(JSON.stringify(registry.list())).not.toContain(SECRET);
  });
});
