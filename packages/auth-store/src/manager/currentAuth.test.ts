import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../__testing__/tempHome.js';
import { createAuthManager } from '../index.js';

describe('currentAuth()', () => {
  it('answers from what the manager last read, without reading the store itself', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true, mode: 0o700 });
    await writeFile(
      join(home, 'auth.json'),
      JSON.stringify({ bedrock_api_key: { api_key: 'stored-bedrock-key', region: 'us-west-2' } }),
      { mode: 0o600 },
    );
    const manager = createAuthManager({ home, env: {} });
    expect(manager.currentAuth()).toBeNull();
    await manager.reload();
    expect(manager.currentAuth()).toMatchObject({ mode: 'bedrockApiKey', region: 'us-west-2' });

    const other = createAuthManager({ home: await tempHome(), env: {} });
    await other.loginWithBedrockApiKey({ apiKey: 'another-bedrock-key', region: 'eu-west-1' });
    expect(other.currentAuth()).toMatchObject({ mode: 'bedrockApiKey', region: 'eu-west-1' });
    await other.logout();
    expect(other.currentAuth()).toBeNull();
  });
});
