import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAuthManager } from '@x/auth-store';
import { sendJson, tempDir } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { chatgptTokens } from '../__testing__/chatgptTokens.js';
import { configFromFile } from '../__testing__/configFromFile.js';
import { serve } from '../__testing__/trackedServers.js';
import type { ProviderConfig } from '../config/providerConfig.js';
import { createProviderRegistry } from './createProviderRegistry.js';

// `forced_login_method` and `forced_chatgpt_workspace_id` from config.toml, applied to a login that
// is already stored (written by a session without the restriction), seen from a request through the
// registry: a login that breaks them is never sent, and is logged out.

/** The auth manager a host builds from the loaded config's restrictions. */
function restrictedManager(home: string, config: ProviderConfig) {
  return createAuthManager({
    home,
    env: {},
    loginRestrictions: {
      forcedLoginMethod: config.forcedLoginMethod,
      forcedChatgptWorkspaceId: config.forcedChatgptWorkspaceId,
    },
  });
}

async function setup(restriction: string) {
  const home = join(await tempDir(), 'home');
  const server = await serve((_req, res) => sendJson(res, 200, { object: 'list', data: [] }));
  const config = await configFromFile(
    `${restriction}\n[model_providers.o]\nname = "O"\nbase_url = "${server.url}"\nrequires_openai_auth = true\n`,
  );
  // A fresh manager per session, as a new process of the host would have.
  const session = () =>
    createProviderRegistry({ config, authManager: restrictedManager(home, config), env: {} }).get('o');
  return { home, server, provider: session(), session };
}

describe('login restrictions on a stored login, through a request', () => {
  it('forced_login_method = "chatgpt": a stored API key is refused, logged out, and never sent', async () => {
    const { home, server, provider } = await setup('forced_login_method = "chatgpt"');
    await createAuthManager({ home, env: {} }).loginWithApiKey('sk-stored-api-key-0123456789');
    const error = await provider.listModels().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'LOGIN_RESTRICTED',
      message: expect.stringContaining('forced_login_method = "chatgpt"'),
    });
    expect(String((error as Error).message)).not.toContain('sk-stored');
    expect(server.received).toEqual([]);
    expect(existsSync(join(home, 'auth.json'))).toBe(false);
  });

  it('forced_chatgpt_workspace_id: another workspace’s stored login is refused; that workspace’s is sent', async () => {
    const { home, server, provider, session } = await setup('forced_chatgpt_workspace_id = "ws-good"');
    const unrestricted = createAuthManager({ home, env: {} });
    await unrestricted.loginWithChatgptTokens(chatgptTokens('ws-other'));
    await expect(provider.listModels()).rejects.toMatchObject({
      code: 'LOGIN_RESTRICTED',
      message: expect.stringContaining('ws-other'),
    });
    expect(server.received).toEqual([]);
    expect(existsSync(join(home, 'auth.json'))).toBe(false);

    const good = chatgptTokens('ws-good');
    await unrestricted.loginWithChatgptTokens(good);
    expect(await session().listModels()).toEqual([]);
    expect(server.received.map((r) => [r.headers.authorization, r.headers['chatgpt-account-id']])).toEqual([
      [`Bearer ${good.accessToken}`, 'ws-good'],
    ]);
  });
});
