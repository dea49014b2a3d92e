import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { accessToken, idToken } from '../__testing__/fakeTokens.js';
import { tempHome } from '../__testing__/tempHome.js';
import { startTokenServer } from '../__testing__/tokenServer.js';
import { createAuthManager } from '../index.js';

// Each would make fetch throw later with a message quoting the whole header, secret included.
const BAD = ['sk-bad\r\nX-Injected: 1', 'sk-bad\0nul', 'sk-bad\u2026ellipsis', 'sk-bad\x7fdel'];
const refused = (where: string) => ({
  code: 'INVALID_CREDENTIAL_VALUE',
  message: expect.stringContaining(where),
});

describe('credential values that cannot go into an HTTP header are refused where they are read', () => {
  it('login inputs, naming the input, and nothing is stored', async () => {
    const home = await tempHome();
    const manager = createAuthManager({ home, env: {} });
    for (const bad of BAD) {
      await expect(manager.loginWithApiKey(bad)).rejects.toMatchObject(refused('apiKey'));
      await expect(manager.loginWithPersonalAccessToken(bad)).rejects.toMatchObject(
        refused('personal access token'),
      );
      await expect(
        manager.loginWithBedrockApiKey({ apiKey: bad, region: 'us-east-1' }),
      ).rejects.toMatchObject(refused('apiKey'));
      await expect(
        manager.loginWithChatgptTokens({ idToken: idToken(), accessToken: bad, refreshToken: 'rt' }),
      ).rejects.toMatchObject(refused('accessToken'));
      await expect(
        manager.loginWithChatgptTokens({
          idToken: idToken(bad),
          accessToken: accessToken(3600),
          refreshToken: 'rt',
        }),
      ).rejects.toMatchObject(refused('chatgpt_account_id'));
      await expect(
        manager.loginWithAgentIdentity({ agent_runtime_id: 'r', agent_private_key: 'k', account_id: bad }),
      ).rejects.toMatchObject(refused('account_id'));
      await expect(
        manager.setExternalChatgptTokens({ accessToken: 'host-token-0123', chatgptAccountId: bad }),
      ).rejects.toMatchObject(refused('chatgptAccountId'));
    }
    expect(await manager.auth()).toBeNull();
  });

  it('auth.json, naming the file and field; read-only operations leave the file where it is', async () => {
    const id = idToken('ws-1');
    const cases: Array<[string, Record<string, unknown>]> = [
      ['OPENAI_API_KEY', { OPENAI_API_KEY: BAD[0] }],
      ['personal_access_token', { personal_access_token: BAD[1] }],
      ['bedrock_api_key.api_key', { bedrock_api_key: { api_key: BAD[2], region: 'us-east-1' } }],
      ['tokens.access_token', { tokens: { id_token: id, access_token: BAD[3], refresh_token: 'rt' } }],
      [
        'tokens.account_id',
        { tokens: { id_token: id, access_token: 'at', refresh_token: 'rt', account_id: BAD[0] } },
      ],
      ['tokens.id_token', { tokens: { id_token: idToken(BAD[1]), access_token: 'at', refresh_token: 'rt' } }],
    ];
    for (const [field, doc] of cases) {
      const home = await tempHome();
      await mkdir(home, { mode: 0o700 });
      const path = join(home, 'auth.json');
      const text = JSON.stringify(doc);
      await writeFile(path, text, { mode: 0o600 });
      const manager = createAuthManager({ home, env: {} });
      await expect(manager.auth()).rejects.toMatchObject(refused(`${path} field ${field}`));
      await expect(manager.reload()).rejects.toMatchObject(refused(field));
      await expect(manager.status()).rejects.toMatchObject(refused(field));
      expect(await readdir(home)).toEqual(['auth.json']);
      expect(await readFile(path, 'utf8')).toBe(text);
      // A new login replaces it; logout removes it.
      await manager.loginWithApiKey('sk-good-0123456789');
      expect(await manager.auth()).toMatchObject({ apiKey: 'sk-good-0123456789' });
      expect(await readdir(home)).toEqual(['auth.json']);
    }
  });

  it('a tab inside a stored value is carried as it is, since a header may hold one', async () => {
    const home = await tempHome();
    await mkdir(home, { mode: 0o700 });
    await writeFile(join(home, 'auth.json'), JSON.stringify({ OPENAI_API_KEY: 'sk-tab\tinside' }), {
      mode: 0o600,
    });
    const manager = createAuthManager({ home, env: {} });
    expect(await manager.auth()).toMatchObject({ apiKey: 'sk-tab\tinside' });
    expect(new Headers({ authorization: 'Bearer sk-tab\tinside' }).get('authorization')).toBe(
      'Bearer sk-tab\tinside',
    );
    // A login input still refuses any whitespace.
    await expect(manager.loginWithApiKey('sk-tab\tinside')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIAL',
    });
  });

  it('the keyring entry, naming it', async () => {
    const home = await tempHome();
    await mkdir(home, { mode: 0o700 });
    const service = `auth-store-values-${process.pid}`;
    const account = `cli|${createHash('sha256')
      .update(await realpath(home))
      .digest('hex')
      .slice(0, 16)}`;
    const stored = spawnSync('secret-tool', ['store', '--label=x', 'service', service, 'username', account], {
      input: JSON.stringify({ OPENAI_API_KEY: BAD[0] }),
      env: { ...process.env, ...inject('secretServiceEnv') },
    });
    expect(stored.status).toBe(0);
    const manager = createAuthManager({ home, env: {}, storeMode: 'keyring', keyringService: service });
    await expect(manager.auth()).rejects.toMatchObject(
      refused(`keyring entry "${service}" / "${account}" field OPENAI_API_KEY`),
    );
    expect(await manager.logout()).toBe(true);
  });

  it('CODEX_API_KEY from the environment, naming the variable', async () => {
    const manager = createAuthManager({
      home: await tempHome(),
      env: { CODEX_API_KEY: 'sk-env\r\nX-Injected: 1' },
      enableCodexApiKeyEnv: true,
    });
    await expect(manager.auth()).rejects.toMatchObject(refused('CODEX_API_KEY'));
  });

  it('tokens from the refresh endpoint, which are then not saved', async () => {
    const server = await startTokenServer();
    try {
      const home = await tempHome();
      const manager = createAuthManager({ home, env: {}, refreshTokenUrl: server.url });
      await manager.loginWithChatgptTokens({
        idToken: idToken(),
        accessToken: accessToken(3600),
        refreshToken: 'rt',
      });
      const before = await readFile(join(home, 'auth.json'), 'utf8');
      server.failWith({
        status: 200,
        body: { access_token: BAD[0], id_token: idToken(), refresh_token: 'rt-2' },
      });
      await expect(manager.refreshTokens()).rejects.toMatchObject(refused('access_token'));
      server.failWith({ status: 200, body: { access_token: 'at', id_token: idToken(BAD[1]) } });
      await expect(manager.refreshTokens()).rejects.toMatchObject(refused('chatgpt_account_id'));
      expect(await readFile(join(home, 'auth.json'), 'utf8')).toBe(before);
    } finally {
      await server.close();
    }
  });
});
