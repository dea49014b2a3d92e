import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { renderings } from '@x/test-kit';
import { describe, expect, inject, it } from 'vitest';
import { accessToken, fakeJwt } from './__testing__/fakeTokens.js';
import { tempHome } from './__testing__/tempHome.js';
import { startTokenServer } from './__testing__/tokenServer.js';
import { createAuthManager, createAuthStore, createOpenAiAuthSource } from './index.js';

const CANARY = 'CANARY7f3a9c';
const secrets = {
  apiKey: `sk-${CANARY}-apikey-0000`,
  bedrockKey: `ABSK${CANARY}bedrock0000`,
  pat: `pat_${CANARY}_token_0000`,
  refreshToken: `rt-${CANARY}-refresh-0000`,
  accessToken: fakeJwt({ exp: Math.floor(Date.now() / 1000) + 60, sub: `${CANARY}-access` }),
  idToken: fakeJwt({ email: 'c@example.com', sub: `${CANARY}-id` }),
  agentKey: `-----BEGIN PRIVATE KEY-----\n${CANARY}agentkey\n-----END PRIVATE KEY-----`,
  hostToken: `host-${CANARY}-token-0000`,
};

describe('canary: secrets never leak', () => {
  it('no secret of any kind appears in messages, warnings, status, inspect or JSON', async () => {
    const seen: string[] = [];
    // The value and every error down its cause chain, each printed every way a log might print it.
    const record = (value: unknown): void => {
      seen.push(...renderings(value));
    };
    const attempt = async (fn: () => Promise<unknown>): Promise<void> => {
      try {
        record(await fn());
      } catch (error) {
        record(error);
      }
    };
    const server = await startTokenServer();
    try {
      const home = await tempHome();
      const manager = createAuthManager({
        home,
        env: { OPENAI_API_KEY: secrets.apiKey },
        refreshTokenUrl: server.url,
        onWarning: record,
        loginRestrictions: { forcedChatgptWorkspaceId: 'ws-allowed' },
      });
      manager.onChange(record);
      const source = createOpenAiAuthSource(manager);
      const loose = createAuthManager({ home, env: {}, onWarning: record, refreshTokenUrl: server.url });
      loose.onChange(record);

      for (const login of [
        () => loose.loginWithApiKey(secrets.apiKey),
        () => loose.loginWithBedrockApiKey({ apiKey: secrets.bedrockKey, region: 'us-east-1' }),
        () => loose.loginWithBedrockApiKey({ apiKey: secrets.bedrockKey, region: secrets.bedrockKey }),
        () => loose.loginWithApiKey(`${secrets.apiKey} with space`),
        () => loose.loginWithPersonalAccessToken(secrets.pat),
        () =>
          loose.loginWithAgentIdentity({
            agent_runtime_id: 'rt',
            agent_private_key: secrets.agentKey,
            account_id: 'ws-agent',
          }),
        () => loose.setExternalChatgptTokens({ accessToken: secrets.hostToken, chatgptAccountId: 'ws-h' }),
        () => manager.setExternalChatgptTokens({ accessToken: secrets.hostToken, chatgptAccountId: 'ws-h' }),
      ]) {
        await attempt(login);
        await attempt(() => loose.auth());
        await attempt(() => loose.status());
        await attempt(() => manager.auth());
        await attempt(() =>
          source.authorize({ method: 'GET', url: 'https://x.test', headers: {} }).then(() => 'ok'),
        );
        record(source.describe());
        record(manager);
      }
      await loose.logout();

      // ChatGPT with a refresh endpoint that echoes secrets back in its error body.
      await loose.loginWithChatgptTokens({
        idToken: secrets.idToken,
        accessToken: secrets.accessToken,
        refreshToken: secrets.refreshToken,
        accountId: 'ws-1',
      });
      for (const body of [
        { error: { code: secrets.refreshToken, message: secrets.accessToken } },
        { error: 'invalid_grant', error_description: secrets.refreshToken },
      ]) {
        server.failWith({ status: 401, body });
        await attempt(() => loose.refreshTokens());
        await attempt(() => loose.unauthorizedRecovery().next());
      }
      server.failWith({ status: 500, body: { detail: secrets.refreshToken } });
      await attempt(() =>
        createAuthManager({ home, env: {}, refreshTokenUrl: server.url, onWarning: record }).auth(),
      );
      await attempt(() => manager.auth());

      // Corrupt files and keyring values holding secrets.
      await mkdir(home, { recursive: true });
      await writeFile(
        join(home, 'auth.json'),
        `{"OPENAI_API_KEY": "${secrets.apiKey}", "auth_mode": "${secrets.pat}"}`,
      );
      await attempt(() => loose.reload());
      await writeFile(join(home, 'auth.json'), `{"OPENAI_API_KEY": "${secrets.apiKey}`);
      await attempt(() => createAuthStore({ home }).load());
      await attempt(() => loose.loginWithApiKey(secrets.apiKey));
      const failing = createAuthStore({
        home,
        mode: 'keyring',
        loadKeyring: async () => {
          throw new Error('no native module');
        },
      });
      await attempt(() => failing.save({ OPENAI_API_KEY: secrets.apiKey }));
      await attempt(async () => accessToken(1));

      // Values that cannot go into an HTTP header, from every place credentials are read.
      for (const bad of [
        `${secrets.apiKey}\r\nX-Evil: 1`,
        `${secrets.pat}\0`,
        `${secrets.bedrockKey}\u2026`,
      ]) {
        await attempt(() => loose.loginWithApiKey(bad));
        await attempt(() => loose.loginWithPersonalAccessToken(bad));
        await attempt(() => loose.loginWithBedrockApiKey({ apiKey: bad, region: 'us-east-1' }));
        await attempt(() => loose.setExternalChatgptTokens({ accessToken: bad, chatgptAccountId: bad }));
        await attempt(() =>
          createAuthManager({ home, env: { CODEX_API_KEY: bad }, enableCodexApiKeyEnv: true }).auth(),
        );
        for (const doc of [
          { OPENAI_API_KEY: bad },
          { personal_access_token: bad },
          { bedrock_api_key: { api_key: bad, region: 'us-east-1' } },
          { tokens: { id_token: secrets.idToken, access_token: bad, refresh_token: secrets.refreshToken } },
          { tokens: { id_token: secrets.idToken, access_token: 'a', refresh_token: 'r', account_id: bad } },
        ]) {
          await writeFile(join(home, 'auth.json'), JSON.stringify(doc));
          const reader = createAuthManager({ home, env: {}, onWarning: record });
          await attempt(() => reader.auth());
          await attempt(() => reader.status());
          await attempt(() =>
            createOpenAiAuthSource(reader)
              .authorize({ method: 'GET', url: 'https://x.test', headers: {} })
              .then(() => 'ok'),
          );
          await attempt(() => reader.logout());
        }
      }

      // Foreign errors that quote a secret: a fetch that echoes the refresh token, a host refresh
      // callback that names the token it holds.
      await loose.loginWithChatgptTokens({
        idToken: secrets.idToken,
        accessToken: secrets.accessToken,
        refreshToken: secrets.refreshToken,
      });
      const echoing = createAuthManager({
        home,
        env: {},
        onWarning: record,
        fetch: async (_url, init) => {
          throw new TypeError(`request failed: ${String(init?.body)}`, {
            cause: new Error(`body was ${String(init?.body)}`),
          });
        },
        refreshExternalTokens: async () => {
          throw new Error(`cannot renew ${secrets.hostToken}`, { cause: { token: secrets.hostToken } });
        },
      });
      await attempt(() => echoing.refreshTokens());
      await attempt(() => echoing.unauthorizedRecovery().next());
      await echoing.setExternalChatgptTokens({ accessToken: secrets.hostToken, chatgptAccountId: 'ws-h' });
      await attempt(() => echoing.unauthorizedRecovery().next());
      server.failWith({
        status: 200,
        body: { access_token: `${secrets.accessToken}\r\n`, id_token: secrets.idToken },
      });
      await attempt(() => loose.refreshTokens());
      server.failWith(null);
    } finally {
      await server.close();
    }
    const everything = seen.join('\n');
    expect(seen.length).toBeGreaterThan(50);
    expect(everything).toContain('[redacted]');
    // Only the leaking entries are listed when this fails.
    expect(seen.filter((entry) => entry.includes(CANARY))).toEqual([]);
  });

  it('keyring paths (real Secret Service): saved, corrupt and split values never surface a secret', async () => {
    const seen: string[] = [];
    const home = await tempHome();
    const service = `auth-store-canary-${process.pid}`;
    const manager = createAuthManager({
      home,
      env: {},
      storeMode: 'keyring',
      keyringService: service,
      keyringChunkSize: 16,
      onWarning: (w) => seen.push(JSON.stringify(w)),
    });
    await manager.loginWithApiKey(secrets.apiKey);
    seen.push(inspect(await manager.auth()), JSON.stringify(await manager.status()));
    const account = `cli|${createHash('sha256')
      .update(await realpath(home))
      .digest('hex')
      .slice(0, 16)}`;
    // Overwrite the main entry with unreadable JSON that holds a secret.
    const stored = spawnSync('secret-tool', ['store', '--label=x', 'service', service, 'username', account], {
      input: `{"OPENAI_API_KEY": "${secrets.pat}`,
      env: { ...process.env, ...inject('secretServiceEnv') },
    });
    expect(stored.status).toBe(0);
    const error = await createAuthStore({ home, mode: 'keyring', keyringService: service })
      .load()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'KEYRING_CORRUPT' });
    seen.push(inspect(error, { depth: 8 }), String((error as Error).stack));
    const reload = await manager.reload().catch((e: unknown) => e);
    seen.push(inspect(reload, { depth: 8 }));
    // A readable value that cannot go into a header.
    const unsafe = spawnSync('secret-tool', ['store', '--label=x', 'service', service, 'username', account], {
      input: JSON.stringify({ OPENAI_API_KEY: `${secrets.pat}\r\nX-Evil: 1` }),
      env: { ...process.env, ...inject('secretServiceEnv') },
    });
    expect(unsafe.status).toBe(0);
    const refused = await manager.reload().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'INVALID_CREDENTIAL_VALUE' });
    for (let e: unknown = refused; e instanceof Error; e = e.cause) {
      seen.push(inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }), JSON.stringify(e));
    }
    expect(await manager.logout()).toBe(true);
    expect(seen.join('\n')).not.toContain(CANARY);
  });
});
