import { createAuthManager } from '@x/auth-store';
import { tempDir } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { createProviderRegistry } from './createProviderRegistry.js';

const baseUrlOf = (registry: ReturnType<typeof createProviderRegistry>, id: string): string | undefined =>
  registry.list().find((p) => p.id === id)?.baseUrl;

describe('a stored Bedrock API key', () => {
  it('picks the endpoint region that list() and get() show, right after the login', async () => {
    const manager = createAuthManager({ home: await tempDir(), env: {} });
    const registry = createProviderRegistry({ authManager: manager, env: {} });
    expect(baseUrlOf(registry, 'amazon-bedrock')).toBe('https://bedrock-mantle.us-east-1.api.aws/openai/v1');
    const before = registry.get('amazon-bedrock');

    await manager.loginWithBedrockApiKey({ apiKey: 'stored-bedrock-key-west', region: 'us-west-2' });
    expect(baseUrlOf(registry, 'amazon-bedrock')).toBe('https://bedrock-mantle.us-west-2.api.aws/openai/v1');
    expect(baseUrlOf(registry, 'amazon-bedrock-runtime')).toBe(
      'https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1',
    );
    const after = registry.get('amazon-bedrock');
    expect(after).not.toBe(before);
    expect(after.baseUrl).toBe('https://bedrock-mantle.us-west-2.api.aws/openai/v1');
    expect(await registry.resolve('amazon-bedrock')).toBe(after);

    await manager.logout();
    expect(baseUrlOf(registry, 'amazon-bedrock')).toBe('https://bedrock-mantle.us-east-1.api.aws/openai/v1');
  });

  it('shows in list() once another manager on the same home has read the store', async () => {
    const home = await tempDir();
    await createAuthManager({ home, env: {} }).loginWithBedrockApiKey({
      apiKey: 'stored-bedrock-key-west',
      region: 'us-west-2',
    });
    const manager = createAuthManager({ home, env: {} });
    const registry = createProviderRegistry({ authManager: manager, env: {} });
    await manager.reload();
    expect(baseUrlOf(registry, 'amazon-bedrock')).toBe('https://bedrock-mantle.us-west-2.api.aws/openai/v1');
    // A configured region still wins.
    const pinned = createProviderRegistry({ authManager: manager, env: { AWS_REGION: 'eu-west-1' } });
    expect(baseUrlOf(pinned, 'amazon-bedrock')).toBe('https://bedrock-mantle.eu-west-1.api.aws/openai/v1');
  });

  it('is described as coming from the auth store, with the region taken from it', async () => {
    const manager = createAuthManager({ home: await tempDir(), env: {} });
    await manager.loginWithBedrockApiKey({ apiKey: 'stored-bedrock-key-west', region: 'us-west-2' });
    const registry = createProviderRegistry({ authManager: manager, env: {} });
    const described = await registry.get('amazon-bedrock').describeAuth();
    expect(described).toMatchObject({
      method: 'aws-bedrock',
      auth: 'bearer',
      source: 'stored Bedrock API key (file store)',
      region: 'us-west-2',
      regionSource: 'the stored Bedrock API key',
      baseUrl: 'https://bedrock-mantle.us-west-2.api.aws/openai/v1',
    });
    expect(JSON.stringify(described)).not.toContain('option');
    expect(JSON.stringify(described)).not.toContain('stored-bedrock-key-west');
  });
});
