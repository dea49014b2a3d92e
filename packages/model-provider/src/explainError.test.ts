import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createOpenAI } from '@ai-sdk/openai';
import { CommandTokenError } from '@x/external-bearer';
import { sendJson, tempDir } from '@x/test-kit';
import { generateText } from 'ai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { serve } from './__testing__/trackedServers.js';
import { loadConfig } from './config/loadConfig.js';
import { ProviderConfigError, ProviderRequestError } from './errors.js';
import { explainError } from './explainError.js';
import { createProviderRegistry } from './registry/createProviderRegistry.js';

/** A registry with one provider `failing` whose auth command exits with status 3, and its server. */
async function failingCommandProvider() {
  const server = await serve((_req, res) => sendJson(res, 200, { object: 'list', data: [] }));
  const script = join(await tempDir(), 'fail.mjs');
  await writeFile(script, 'process.stderr.write("no session\\n"); process.exit(3);\n');
  const config = await loadConfig({
    toml: `[model_providers.failing]
name = "Failing"
base_url = "${server.url}"
auth = { command = ${JSON.stringify(process.execPath)}, args = [${JSON.stringify(script)}] }
`,
  });
  return { server, provider: createProviderRegistry({ config, env: {} }).get('failing') };
}

describe('explainError through the official clients', () => {
  it("finds a failing auth command's CommandTokenError under openai's 'Connection error.'", async () => {
    const { server, provider } = await failingCommandProvider();
    const error = await new OpenAI(provider.clientOptions()).models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect((error as Error).message).toBe('Connection error.');
    const explained = explainError(error);
    expect(explained?.error).toBeInstanceOf(CommandTokenError);
    expect(explained).toMatchObject({ code: 'EXIT_STATUS', name: 'CommandTokenError' });
    expect(explained?.message).toContain('exited with status 3');
    expect(server.received).toHaveLength(0);
  });

  it('finds it under an @ai-sdk/openai call too', async () => {
    const { provider } = await failingCommandProvider();
    const openai = createOpenAI(provider.clientOptions());
    const error = await generateText({ model: openai('m'), prompt: 'hi', maxRetries: 0 }).catch(
      (e: unknown) => e,
    );
    expect(explainError(error)?.code).toBe('EXIT_STATUS');
  });

  it('finds ORIGIN_MISMATCH when a client points the provider fetch at another origin', async () => {
    const { provider } = await failingCommandProvider();
    const client = new OpenAI({ ...provider.clientOptions(), baseURL: 'http://127.0.0.1:9/v1' });
    const error = await client.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(explainError(error)).toMatchObject({ code: 'ORIGIN_MISMATCH', name: 'ProviderRequestError' });
    expect(explainError(error)?.error).toBeInstanceOf(ProviderRequestError);
  });
});

describe('explainError', () => {
  /** An error of another installed copy of one of our packages: known by its name and string code. */
  function foreignCopy(name: string, code: string): Error {
    return Object.assign(new Error(`${name} says ${code}`), { name, code });
  }

  it('returns the outermost of our errors, with its code, message and name', () => {
    const inner = foreignCopy('AwsAuthError', 'CREDENTIALS_NOT_FOUND');
    const outer = new ProviderConfigError('AUTH_RESOLUTION_FAILED', 'could not resolve', { cause: inner });
    expect(explainError(new Error('wrapper', { cause: outer }))).toEqual({
      code: 'AUTH_RESOLUTION_FAILED',
      message: 'could not resolve',
      name: 'ProviderConfigError',
      error: outer,
    });
    expect(explainError(new Error('wrapper', { cause: inner }))?.code).toBe('CREDENTIALS_NOT_FOUND');
  });

  it("looks in an AggregateError's errors and a retry error's lastError", () => {
    const store = foreignCopy('AuthStoreError', 'NOT_LOGGED_IN');
    expect(explainError(new AggregateError([new Error('x'), store]))?.error).toBe(store);
    expect(explainError(Object.assign(new Error('retries'), { lastError: store }))?.error).toBe(store);
  });

  it('returns null for errors that are not ours: other names, codes that are not strings, non-errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(explainError(new TypeError('fetch failed', { cause: refused }))).toBeNull();
    expect(explainError(Object.assign(new Error('x'), { name: 'AwsAuthError', code: 42 }))).toBeNull();
    expect(explainError('AwsAuthError')).toBeNull();
    expect(explainError(undefined)).toBeNull();
  });

  it('survives a cycle, an endless chain, a throwing getter and a huge AggregateError', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(explainError(a)).toBeNull();
    let deep: unknown = foreignCopy('CommandTokenError', 'TIMEOUT');
    for (let i = 0; i < 10_000; i++) deep = { cause: deep };
    expect(explainError(deep)).toBeNull();
    const hostile = Object.defineProperty(new Error('h'), 'cause', {
      get() {
        throw new Error('no');
      },
    });
    expect(explainError(hostile)).toBeNull();
    expect(explainError(new AggregateError(Array(200_000).fill(new Error('x'))))).toBeNull();
  });
});
