import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLACEHOLDER_API_KEY } from '@x/auth-seam';
import type { LoopbackServer } from '@x/test-kit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerProvidersToml } from '../__testing__/bearerProvidersToml.js';
import { startVerifyingServer, TEST_AWS_KEYS } from '../__testing__/sigv4Server.js';
import { loadConfig } from '../config/loadConfig.js';
import { createProviderRegistry } from './createProviderRegistry.js';
import type { ModelProvider } from './modelProvider.js';
import type { ProviderRegistry } from './providerRegistry.js';

let server: LoopbackServer;
let registry: ProviderRegistry;
let dir: string;

beforeAll(async () => {
  server = await startVerifyingServer({ bearers: ['inline-bearer', 'command-bearer'] });
  dir = await mkdtemp(join(tmpdir(), 'x-openai-client-'));
  const config = await loadConfig({
    toml: `${await bearerProvidersToml(server.url, dir)}
[model_providers.amazon-bedrock]
base_url = "${server.origin}/openai/v1"
aws = { region = "us-east-1" }
`,
  });
  registry = createProviderRegistry({
    config,
    env: {
      AWS_ACCESS_KEY_ID: TEST_AWS_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_AWS_KEYS.secretAccessKey,
    },
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function client(provider: ModelProvider): OpenAI {
  return new OpenAI(provider.clientOptions());
}

describe.each([
  ['bearer', 'bearer'],
  ['command', 'bearer'],
  ['amazon-bedrock', 'sigv4:bedrock-mantle'],
])('the official openai client over provider %s', (id, verified) => {
  it('creates a response', async () => {
    const response = await client(registry.get(id)).responses.create({
      model: 'test-model',
      input: 'hello there',
    });
    expect(response.output_text).toBe(`${verified}: hello there`);
    expect(server.received.at(-1)?.headers.authorization).not.toContain(PLACEHOLDER_API_KEY);
  });

  it('streams a response', async () => {
    const stream = await client(registry.get(id)).responses.create({
      model: 'test-model',
      input: 'stream me',
      stream: true,
    });
    let text = '';
    let completed = false;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = true;
    }
    expect(text).toBe(`${verified}: stream me`);
    expect(completed).toBe(true);
  });

  it('lists models, and listModels() agrees', async () => {
    const page = await client(registry.get(id)).models.list();
    expect(page.data.map((m) => m.id)).toEqual(['test-model']);
    expect(await registry.get(id).listModels()).toEqual([{ id: 'test-model', ownedBy: 'test' }]);
  });
});
