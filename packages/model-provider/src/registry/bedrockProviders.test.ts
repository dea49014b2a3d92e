import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAuthManager } from '@x/auth-store';
import { verifySigV4Request } from '@x/aws-auth';
import { type LoopbackServer, sendJson, startLoopbackServer, tempDir } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { tokenScript } from '../__testing__/commandScripts.js';
import { startVerifyingServer, TEST_AWS_KEYS } from '../__testing__/sigv4Server.js';
import { closeAfterTest } from '../__testing__/trackedServers.js';
import { loadConfig } from '../config/loadConfig.js';
import { createProviderRegistry } from './createProviderRegistry.js';

async function server(bearers: string[] = []): Promise<LoopbackServer> {
  const s = await startVerifyingServer({ bearers });
  closeAfterTest(s);
  return s;
}

const envKeys = {
  AWS_ACCESS_KEY_ID: TEST_AWS_KEYS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_AWS_KEYS.secretAccessKey,
};

async function bedrockConfig(s: LoopbackServer, extra = '') {
  return loadConfig({
    toml: `[model_providers.amazon-bedrock]\nbase_url = "${s.origin}/openai/v1"\naws = { region = "us-east-1" ${extra} }\n\n[model_providers.amazon-bedrock-runtime]\nbase_url = "${s.origin}/openai/v1"\naws = { region = "us-east-1" }\n`,
  });
}

async function verifiedBy(registryProvider: {
  fetch: typeof fetch;
  baseUrl: string;
}): Promise<string | null> {
  const response = await registryProvider.fetch(`${registryProvider.baseUrl}/models`);
  expect(response.status).toBe(200);
  return response.headers.get('x-verified');
}

describe('Amazon Bedrock providers', () => {
  it('sign Mantle as bedrock-mantle and Runtime as bedrock, over a base_url override, with env keys', async () => {
    const s = await server();
    const registry = createProviderRegistry({ config: await bedrockConfig(s), env: envKeys });
    expect(await verifiedBy(registry.get('amazon-bedrock'))).toBe('sigv4:bedrock-mantle');
    expect(await verifiedBy(registry.get('amazon-bedrock-runtime'))).toBe('sigv4:bedrock');
    expect(await registry.get('amazon-bedrock').describeAuth()).toMatchObject({
      method: 'aws-bedrock',
      auth: 'sigv4',
      signingService: 'bedrock-mantle',
      region: 'us-east-1',
    });
  });

  it('keep the Mantle client-agent header when the user adds http_headers, and let the user set it', async () => {
    const s = await server();
    const withHeaders = async (headers: string) =>
      createProviderRegistry({
        config: await loadConfig({
          toml: `[model_providers.amazon-bedrock]\nbase_url = "${s.origin}/openai/v1"\naws = { region = "us-east-1" }\nhttp_headers = ${headers}\n`,
        }),
        env: envKeys,
      }).get('amazon-bedrock');
    expect(await verifiedBy(await withHeaders('{ "X-Team" = "search" }'))).toBe('sigv4:bedrock-mantle');
    expect(s.received.at(-1)?.headers).toMatchObject({
      'x-team': 'search',
      'x-amzn-mantle-client-agent': 'x-model-provider',
    });
    expect(await verifiedBy(await withHeaders('{ "X-Amzn-Mantle-Client-Agent" = "my-app" }'))).toBe(
      'sigv4:bedrock-mantle',
    );
    expect(s.received.at(-1)?.headers['x-amzn-mantle-client-agent']).toBe('my-app');
  });

  it('sign the exact body bytes of a POST, on every attempt', async () => {
    const s = await server();
    const registry = createProviderRegistry({ config: await bedrockConfig(s), env: envKeys });
    const provider = registry.get('amazon-bedrock');
    const body = JSON.stringify({ model: 'openai.gpt-oss-120b', input: 'model:with:colons é' });
    const response = await provider.fetch(`${provider.baseUrl}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', x_underscore: 'dropped on Mantle' },
      body,
    });
    expect(response.status).toBe(200);
    expect(s.received[0]?.body.toString()).toBe(body);
    expect(s.received[0]?.headers.x_underscore).toBeUndefined();
  });

  it('prefer the provider auth command over every AWS source', async () => {
    const dir = await tempDir();
    const { script } = await tokenScript(dir, ['bedrock-cmd-token']);
    const s = await server(['bedrock-cmd-token']);
    const config = await loadConfig({
      toml: `[model_providers.amazon-bedrock]\nbase_url = "${s.origin}/openai/v1"\nauth = { command = ${JSON.stringify(process.execPath)}, args = [${JSON.stringify(script)}] }\n`,
    });
    const registry = createProviderRegistry({
      config,
      env: { ...envKeys, AWS_BEARER_TOKEN_BEDROCK: 'env-bearer' },
    });
    expect(registry.list().find((p) => p.id === 'amazon-bedrock')?.authMethod).toBe('command');
    expect(await verifiedBy(registry.get('amazon-bedrock'))).toBe('bearer');
    expect(s.received[0]?.headers.authorization).toBe('Bearer bedrock-cmd-token');
  });

  it('prefer aws.profile over a stored Bedrock API key, and the stored key over AWS_BEARER_TOKEN_BEDROCK and env keys', async () => {
    const home = await tempDir();
    const credentialsFile = join(home, 'credentials');
    await writeFile(
      credentialsFile,
      `[work]\naws_access_key_id = ${TEST_AWS_KEYS.accessKeyId}\naws_secret_access_key = ${TEST_AWS_KEYS.secretAccessKey}\n`,
    );
    const s = await server(['stored-bedrock-key', 'env-bedrock-key']);
    const env = {
      AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_BEARER_TOKEN_BEDROCK: ' env-bedrock-key ',
      ...envKeys,
    };
    const manager = createAuthManager({ home, env: {} });
    await manager.loginWithBedrockApiKey({ apiKey: 'stored-bedrock-key', region: 'us-east-1' });

    const withProfile = createProviderRegistry({
      config: await bedrockConfig(s, ', profile = "work"'),
      authManager: manager,
      env,
    });
    expect(await verifiedBy(withProfile.get('amazon-bedrock'))).toBe('sigv4:bedrock-mantle');

    const registry = createProviderRegistry({ config: await bedrockConfig(s), authManager: manager, env });
    expect(await verifiedBy(registry.get('amazon-bedrock'))).toBe('bearer');
    expect(s.received.at(-1)?.headers.authorization).toBe('Bearer stored-bedrock-key');

    await manager.logout();
    expect(await verifiedBy(registry.get('amazon-bedrock'))).toBe('bearer');
    expect(s.received.at(-1)?.headers.authorization).toBe('Bearer env-bedrock-key');

    const keysOnly = createProviderRegistry({
      config: await bedrockConfig(s),
      authManager: manager,
      env: envKeys,
    });
    expect(await verifiedBy(keysOnly.get('amazon-bedrock'))).toBe('sigv4:bedrock-mantle');
  });

  it('refuse a stored Bedrock key for another region than the endpoint, naming both', async () => {
    const home = await tempDir();
    const manager = createAuthManager({ home, env: {} });
    await manager.loginWithBedrockApiKey({ apiKey: 'stored-bedrock-key', region: 'eu-west-1' });
    const provider = createProviderRegistry({ authManager: manager, env: { AWS_REGION: 'us-east-1' } }).get(
      'amazon-bedrock',
    );
    const error = await provider.fetch(`${provider.baseUrl}/models`).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'AUTH_RESOLUTION_FAILED' });
    expect((error as Error).message).toContain('eu-west-1');
    expect((error as Error).message).toContain('us-east-1');
    expect((error as Error).message).not.toContain('stored-bedrock-key');
  });

  it('resolve() takes the endpoint region from a stored Bedrock API key when none is configured', async () => {
    const home = await tempDir();
    const manager = createAuthManager({ home, env: {} });
    const registry = createProviderRegistry({ authManager: manager, env: {} });
    expect((await registry.resolve('amazon-bedrock')).baseUrl).toBe(
      'https://bedrock-mantle.us-east-1.api.aws/openai/v1',
    );

    await manager.loginWithBedrockApiKey({ apiKey: 'stored-bedrock-key', region: 'eu-west-1' });
    const provider = await registry.resolve('amazon-bedrock');
    expect(provider.baseUrl).toBe('https://bedrock-mantle.eu-west-1.api.aws/openai/v1');
    expect(registry.get('amazon-bedrock')).toBe(provider);
    expect(await provider.describeAuth()).toMatchObject({ auth: 'bearer', region: 'eu-west-1' });
    expect((await registry.resolve('amazon-bedrock-runtime')).baseUrl).toBe(
      'https://bedrock-runtime.eu-west-1.amazonaws.com/openai/v1',
    );

    // A configured region still wins, and a key for another region is refused with both named.
    const pinned = createProviderRegistry({ authManager: manager, env: { AWS_REGION: 'us-west-2' } });
    const error = await (await pinned.resolve('amazon-bedrock'))
      .describeAuth()
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'AUTH_RESOLUTION_FAILED' });
    expect((error as Error).message).toContain('eu-west-1');
    expect((error as Error).message).toContain('us-west-2');
  });

  it('recover from a 400 clock-skew answer: the clock is corrected once and the request signed again', async () => {
    // A server whose clock is an hour ahead: a signature dated by our clock is refused once with AWS's
    // 400 skew answer (and the server's Date); the retry, signed with the corrected clock, is accepted.
    const serverTime = () => Date.now() + 3_600_000;
    const verdicts: string[] = [];
    const s = closeAfterTest(
      await startLoopbackServer(async (req, res) => {
        const verdict = await verifySigV4Request(req, {
          credentials: TEST_AWS_KEYS,
          region: 'us-east-1',
          services: ['bedrock-mantle'],
          now: serverTime,
        });
        verdicts.push(verdict.ok ? 'ok' : verdict.code);
        res.setHeader('date', new Date(serverTime()).toUTCString());
        if (!verdict.ok) return sendJson(res, 400, { __type: verdict.code, message: verdict.message });
        sendJson(res, 200, { object: 'list', data: [] });
      }),
    );
    const provider = createProviderRegistry({ config: await bedrockConfig(s), env: envKeys }).get(
      'amazon-bedrock',
    );
    const response = await provider.fetch(`${provider.baseUrl}/models`);
    expect(response.status).toBe(200);
    expect(verdicts).toEqual(['InvalidSignatureException', 'ok']);
    const { clockSkewMs } = (await provider.describeAuth()) as { clockSkewMs: number };
    expect(Math.abs(clockSkewMs - 3_600_000)).toBeLessThan(60_000);
  });

  it('resolve() of a provider that is not Bedrock is get()', async () => {
    const registry = createProviderRegistry({
      authManager: createAuthManager({ home: await tempDir(), env: {} }),
      env: {},
    });
    expect(await registry.resolve('ollama')).toBe(registry.get('ollama'));
  });

  it('sign a user-defined provider that has an aws table as Mantle', async () => {
    const s = await server();
    const config = await loadConfig({
      toml: `[model_providers.my-bedrock]\nname = "Mine"\nbase_url = "${s.origin}/openai/v1"\naws = { region = "us-east-1" }\n`,
    });
    const registry = createProviderRegistry({ config, env: envKeys });
    expect(registry.list().find((p) => p.id === 'my-bedrock')?.authMethod).toBe('aws-bedrock');
    expect(await verifiedBy(registry.get('my-bedrock'))).toBe('sigv4:bedrock-mantle');
  });
});
