import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessToken, idToken } from '../__testing__/fakeTokens.js';
import { tempHome } from '../__testing__/tempHome.js';
import { startTokenServer, type TokenServer } from '../__testing__/tokenServer.js';
import type { AuthWarning } from '../index.js';
import { createAuthManager, createAuthStore, needsProactiveRefresh } from '../index.js';

let server: TokenServer;
beforeEach(async () => {
  server = await startTokenServer();
});
afterEach(async () => {
  await server.close();
});

async function chatgptHome(access: string, refresh = 'rt-initial', lastRefresh = new Date().toISOString()) {
  const home = await tempHome();
  await createAuthStore({ home }).save({
    OPENAI_API_KEY: null,
    tokens: { id_token: idToken('ws-1'), access_token: access, refresh_token: refresh, account_id: 'ws-1' },
    last_refresh: lastRefresh,
  });
  server.allow(refresh);
  return home;
}

const stored = async (home: string) => JSON.parse(await readFile(join(home, 'auth.json'), 'utf8'));

describe('needsProactiveRefresh', () => {
  it('uses exp within 5 minutes, else last_refresh older than 8 days', () => {
    const now = Date.now();
    expect(needsProactiveRefresh(accessToken(60), null, now)).toBe(true);
    expect(needsProactiveRefresh(accessToken(3600), null, now)).toBe(false);
    const old = new Date(now - 9 * 86_400_000).toISOString();
    expect(needsProactiveRefresh('opaque-token', old, now)).toBe(true);
    expect(needsProactiveRefresh('opaque-token', new Date(now - 86_400_000).toISOString(), now)).toBe(false);
  });
});

describe('ChatGPT token refresh', () => {
  it('refreshes proactively near expiry: one POST with the Codex body, rotated tokens saved atomically', async () => {
    const home = await chatgptHome(accessToken(60));
    const manager = createAuthManager({ home, env: {}, refreshTokenUrl: server.url, clientId: 'client-x' });
    const auth = await manager.auth();
    expect(server.requests).toEqual([
      { client_id: 'client-x', grant_type: 'refresh_token', refresh_token: 'rt-initial' },
    ]);
    const file = await stored(home);
    expect(file.tokens.refresh_token).toMatch(/^rt-rotated-1-/);
    expect(auth).toMatchObject({ mode: 'chatgpt', accessToken: file.tokens.access_token });
    expect(Date.now() - Date.parse(file.last_refresh)).toBeLessThan(60_000);
    // Fresh now: no second request.
    await manager.auth();
    expect(server.requests).toHaveLength(1);
  });

  it('refreshes an opaque token whose last_refresh is older than 8 days', async () => {
    const home = await chatgptHome(
      'opaque-access',
      'rt-old',
      new Date(Date.now() - 9 * 86_400_000).toISOString(),
    );
    const manager = createAuthManager({ home, env: {}, refreshTokenUrl: server.url });
    await manager.auth();
    expect(server.requests).toHaveLength(1);
    expect((await stored(home)).tokens.refresh_token).toMatch(/^rt-rotated/);
  });

  it.each([
    [{ status: 401, body: { error: { code: 'refresh_token_expired' } } }, 'REFRESH_TOKEN_EXPIRED'],
    [{ status: 401, body: { error: { code: 'refresh_token_reused' } } }, 'REFRESH_TOKEN_REUSED'],
    [{ status: 401, body: { error: { code: 'refresh_token_invalidated' } } }, 'REFRESH_TOKEN_INVALIDATED'],
    [{ status: 400, body: { error: 'invalid_grant' } }, 'REFRESH_INVALID_GRANT'],
    [{ status: 401, body: { message: 'nope' } }, 'REFRESH_UNAUTHORIZED'],
  ])('permanent failure %j has code %s and is remembered for that snapshot', async (failure, code) => {
    const at = accessToken(60);
    const home = await chatgptHome(at);
    server.failWith(failure);
    const warnings: AuthWarning[] = [];
    const manager = createAuthManager({
      home,
      env: {},
      refreshTokenUrl: server.url,
      onWarning: (w) => warnings.push(w),
    });
    expect(await manager.auth()).toMatchObject({ accessToken: at });
    expect(warnings.map((w) => w.code)).toEqual([code]);
    await expect(manager.refreshTokens()).rejects.toMatchObject({ code });
    expect(server.requests).toHaveLength(1);
    // A new login is a new snapshot: refresh is attempted again.
    server.failWith(null);
    await manager.loginWithChatgptTokens({
      idToken: idToken('ws-1'),
      accessToken: accessToken(60),
      refreshToken: 'rt-new',
    });
    server.allow('rt-new');
    await manager.auth();
    expect(server.requests).toHaveLength(2);
  });

  it('transient failures keep the current tokens', async () => {
    const at = accessToken(60);
    const home = await chatgptHome(at);
    server.failWith({ status: 503, body: { error: 'overloaded' } });
    const warnings: string[] = [];
    const manager = createAuthManager({
      home,
      env: {},
      refreshTokenUrl: server.url,
      onWarning: (w) => warnings.push(w.code),
    });
    expect(await manager.auth()).toMatchObject({ accessToken: at });
    expect(warnings).toEqual(['REFRESH_TRANSIENT']);
    expect((await stored(home)).tokens.access_token).toBe(at);
    server.failWith(null);
    await manager.auth();
    expect(server.requests).toHaveLength(2);
    expect((await stored(home)).tokens.access_token).not.toBe(at);
  });
});

describe('staged 401 recovery', () => {
  it('reloads first when another process already refreshed, then refreshes, then gives up', async () => {
    const home = await chatgptHome(accessToken(3600, 'first'));
    const manager = createAuthManager({ home, env: {}, refreshTokenUrl: server.url });
    await manager.auth();
    // Another process refreshes (same account) behind our back.
    const other = createAuthManager({ home, env: {}, refreshTokenUrl: server.url });
    await other.refreshTokens();
    expect(server.requests).toHaveLength(1);
    const recovery = manager.unauthorizedRecovery();
    expect(await recovery.next()).toEqual({ step: 'reload', retry: true });
    expect((await manager.auth())?.mode).toBe('chatgpt');
    expect(server.requests).toHaveLength(1);
    expect(await recovery.next()).toEqual({ step: 'refresh', retry: true });
    expect(server.requests).toHaveLength(2);
    expect(recovery.hasNext()).toBe(false);
    await expect(recovery.next()).rejects.toThrow('No more recovery steps available.');
  });

  it('skips a useless reload and refreshes; does not adopt another account', async () => {
    const home = await chatgptHome(accessToken(3600));
    const manager = createAuthManager({ home, env: {}, refreshTokenUrl: server.url });
    await manager.auth();
    expect(await manager.unauthorizedRecovery().next()).toEqual({ step: 'refresh', retry: true });
    expect(server.requests).toHaveLength(1);
    const before = await manager.auth();
    await createAuthManager({ home, env: {} }).loginWithChatgptTokens({
      idToken: idToken('ws-someone-else'),
      accessToken: accessToken(3600),
      refreshToken: 'rt-else',
    });
    const step = await manager.unauthorizedRecovery().next();
    expect(step).toMatchObject({ step: 'reload', retry: false, error: { code: 'ACCOUNT_CHANGED' } });
    expect(await manager.auth()).toBe(before);
  });

  it('host-supplied tokens: exactly one external refresh callback', async () => {
    let calls = 0;
    const manager = createAuthManager({
      home: await tempHome(),
      env: {},
      refreshExternalTokens: async ({ previousAccountId }) => {
        calls += 1;
        return { accessToken: `host-token-${calls}-000000`, chatgptAccountId: previousAccountId ?? 'x' };
      },
    });
    await manager.setExternalChatgptTokens({ accessToken: 'host-token-0-000000', chatgptAccountId: 'ws-h' });
    const recovery = manager.unauthorizedRecovery();
    expect(await recovery.next()).toEqual({ step: 'externalRefresh', retry: true });
    expect(recovery.hasNext()).toBe(false);
    expect(calls).toBe(1);
    expect(await manager.auth()).toMatchObject({ accessToken: 'host-token-1-000000', accountId: 'ws-h' });
  });

  it('a failing host refresh callback ends recovery with EXTERNAL_REFRESH_FAILED', async () => {
    const manager = createAuthManager({
      home: await tempHome(),
      env: {},
      refreshExternalTokens: async () => {
        throw new Error('host offline');
      },
    });
    await manager.setExternalChatgptTokens({ accessToken: 'host-token-0-000000', chatgptAccountId: 'ws-h' });
    expect(await manager.unauthorizedRecovery().next()).toMatchObject({
      step: 'externalRefresh',
      retry: false,
      error: { code: 'EXTERNAL_REFRESH_FAILED' },
    });
  });
});
