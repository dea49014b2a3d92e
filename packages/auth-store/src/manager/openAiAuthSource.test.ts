import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { accessToken, idToken } from '../__testing__/fakeTokens.js';
import { tempHome } from '../__testing__/tempHome.js';
import { startTokenServer } from '../__testing__/tokenServer.js';
import { createAuthManager, createOpenAiAuthSource } from '../index.js';

const request = {
  method: 'POST',
  url: 'https://api.example.test/v1/responses',
  headers: { authorization: 'old' },
};

/** A manager logged in with ChatGPT tokens whose refresh token the token server accepts once. */
async function chatgptLogin(tokens: Awaited<ReturnType<typeof startTokenServer>>, refreshToken: string) {
  const manager = createAuthManager({ home: await tempHome(), env: {}, refreshTokenUrl: tokens.url });
  await manager.loginWithChatgptTokens({ idToken: idToken(), accessToken: accessToken(3600), refreshToken });
  tokens.allow(refreshToken);
  return manager;
}

describe('createOpenAiAuthSource', () => {
  it('sets a bearer header for API keys and PATs, plus chatgpt-account-id for ChatGPT (lower-case names)', async () => {
    const manager = createAuthManager({ home: await tempHome(), env: {} });
    const source = createOpenAiAuthSource(manager);
    await expect(source.authorize(request)).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
    await manager.loginWithApiKey('sk-source-0123456789');
    const authorized = await source.authorize(request);
    expect(authorized.headers).toEqual({ authorization: 'Bearer sk-source-0123456789' });
    expect(request.headers).toEqual({ authorization: 'old' });
    await manager.loginWithPersonalAccessToken('pat-source-0123456789');
    expect((await source.authorize(request)).headers.authorization).toBe('Bearer pat-source-0123456789');
    const at = accessToken(3600);
    await manager.loginWithChatgptTokens({ idToken: idToken('ws-src'), accessToken: at, refreshToken: 'rt' });
    expect((await source.authorize(request)).headers).toEqual({
      authorization: `Bearer ${at}`,
      'chatgpt-account-id': 'ws-src',
    });
    expect(source.describe()).toEqual({ source: 'auth-store', storeMode: 'file', mode: 'chatgpt' });
  });

  it('rejects a Bedrock API key: only the amazon-bedrock provider may use it', async () => {
    const manager = createAuthManager({ home: await tempHome(), env: {} });
    await manager.loginWithBedrockApiKey({ apiKey: 'bedrock-0123456789', region: 'us-east-1' });
    await expect(createOpenAiAuthSource(manager).authorize(request)).rejects.toMatchObject({
      code: 'AUTH_MODE_UNSUPPORTED',
    });
    expect(await manager.auth()).toEqual({
      mode: 'bedrockApiKey',
      apiKey: 'bedrock-0123456789',
      region: 'us-east-1',
    });
  });

  it('recovers from a 401 against a real server by refreshing, then retries with the new token', async () => {
    const tokens = await startTokenServer();
    let valid = '';
    const api = createServer((req, res) => {
      res.writeHead(req.headers.authorization === `Bearer ${valid}` ? 200 : 401).end();
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      const manager = await chatgptLogin(tokens, 'rt-a');
      const source = createOpenAiAuthSource(manager);
      const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1`;
      const send = async (): Promise<Response> => {
        const req = await source.authorize({ method: 'GET', url, headers: {} });
        return fetch(req.url, { headers: req.headers });
      };
      const first = await send();
      expect(first.status).toBe(401);
      expect(await source.recover({ status: 404, headers: {} })).toBe(false);
      // The failed fetch Response itself is what recover takes.
      expect(await source.recover(first)).toBe(true);
      expect(tokens.requests).toHaveLength(1);
      const auth = await manager.auth();
      valid = auth?.mode === 'chatgpt' ? auth.accessToken : '';
      expect((await send()).status).toBe(200);
      // Each later 401 starts a new staged recovery: nothing new on disk, so it refreshes again.
      expect(await source.recover({ status: 401, headers: {} })).toBe(true);
      expect(tokens.requests).toHaveLength(2);
    } finally {
      api.close();
      await tokens.close();
    }
  });

  it('a 400 or a 403 is not mended: recover resolves false without reloading or refreshing', async () => {
    const tokens = await startTokenServer();
    try {
      const manager = await chatgptLogin(tokens, 'rt-400');
      const source = createOpenAiAuthSource(manager);
      const sent = await source.authorize(request);
      for (const status of [400, 403]) {
        const failed = new Response('{"error":{"code":"bad_request"}}', { status });
        expect(await source.recover(failed, sent)).toBe(false);
        expect(await source.recover({ status, headers: {}, bodyText: 'expired token' }, sent)).toBe(false);
      }
      expect(tokens.requests).toHaveLength(0);

      // Another process logs in with an API key: a 400 does not reload it; reload() then finds it.
      const home = manager.home;
      await createAuthManager({ home, env: {} }).loginWithApiKey('sk-other-process-0123');
      expect(await source.recover({ status: 400, headers: {} }, sent)).toBe(false);
      expect(manager.currentMode()).toBe('chatgpt');
      expect(await manager.reload()).toBe(true);
      expect(manager.currentMode()).toBe('apikey');
    } finally {
      await tokens.close();
    }
  });

  it('concurrent 401s share one recovery: one refresh request, every caller retries', async () => {
    const tokens = await startTokenServer();
    try {
      const manager = await chatgptLogin(tokens, 'rt-c');
      const source = createOpenAiAuthSource(manager);
      const sent = await Promise.all(Array.from({ length: 5 }, () => source.authorize(request)));
      const retries = await Promise.all(sent.map((req) => source.recover({ status: 401, headers: {} }, req)));
      expect(retries).toEqual([true, true, true, true, true]);
      expect(tokens.requests).toHaveLength(1);
    } finally {
      await tokens.close();
    }
  });

  it('a late 401 for a token already replaced retries without another refresh', async () => {
    const tokens = await startTokenServer();
    try {
      const manager = await chatgptLogin(tokens, 'rt-l');
      const source = createOpenAiAuthSource(manager);
      const first = await source.authorize(request);
      const second = await source.authorize(request);
      expect(await source.recover({ status: 401, headers: {} }, first)).toBe(true);
      expect(tokens.requests).toHaveLength(1);
      const retried = await source.authorize(request);
      expect(retried.headers.authorization).not.toBe(first.headers.authorization);
      // the second request sent the old token; its 401 arrives after the refresh
      expect(await source.recover({ status: 401, headers: {} }, second)).toBe(true);
      expect(tokens.requests).toHaveLength(1);
      expect((await source.authorize(request)).headers.authorization).toBe(retried.headers.authorization);
      // a 401 for the current token still walks the staged recovery
      expect(await source.recover({ status: 401, headers: {} }, retried)).toBe(true);
      expect(tokens.requests).toHaveLength(2);
    } finally {
      await tokens.close();
    }
  });
});

describe('authorize with an abort signal', () => {
  it('an aborted caller settles with the reason while the refresh goes on for the others: one request', async () => {
    const tokens = await startTokenServer();
    try {
      const home = await tempHome();
      const manager = createAuthManager({ home, env: {}, refreshTokenUrl: tokens.url });
      // Due for a proactive refresh: every authorize waits for it.
      await manager.loginWithChatgptTokens({
        idToken: idToken(),
        accessToken: accessToken(60),
        refreshToken: 'rt-ab',
      });
      tokens.allow('rt-ab');
      tokens.hold();
      const source = createOpenAiAuthSource(manager);
      const settled: string[] = [];
      const controller = new AbortController();
      const a = source.authorize(request, { signal: controller.signal });
      const b = source.authorize(request);
      a.then(
        () => settled.push('a resolved'),
        () => settled.push('a rejected'),
      );
      b.then(
        () => settled.push('b resolved'),
        () => settled.push('b rejected'),
      );
      // The refresh request is at the server, unanswered.
      await vi.waitFor(() => expect(tokens.held()).toBe(1));
      const reason = new Error('caller gave up');
      controller.abort(reason);
      // The deadline only catches a hang: before the fix, A waited for the held refresh.
      await vi.waitFor(() => expect(settled).toEqual(['a rejected']), { timeout: 15_000 });
      await expect(a).rejects.toBe(reason);
      expect(tokens.held()).toBe(1);
      tokens.release();
      const signed = await b;
      const auth = await manager.auth();
      expect(signed.headers.authorization).toBe(`Bearer ${auth?.mode === 'chatgpt' ? auth.accessToken : ''}`);
      expect(settled).toEqual(['a rejected', 'b resolved']);
      expect(tokens.requests).toHaveLength(1);
      // An already aborted signal rejects at once with its reason, without touching the store.
      const gone = AbortSignal.abort(new Error('already gone'));
      await expect(source.authorize(request, { signal: gone })).rejects.toThrow('already gone');
      expect(tokens.requests).toHaveLength(1);
    } finally {
      tokens.release();
      await tokens.close();
    }
  });

  it('recover: an aborted caller stops waiting for the shared step, which still completes once', async () => {
    const tokens = await startTokenServer();
    try {
      const manager = await chatgptLogin(tokens, 'rt-rec');
      const source = createOpenAiAuthSource(manager);
      const sent = await source.authorize(request);
      tokens.hold();
      const controller = new AbortController();
      const a = source.recover({ status: 401, headers: {} }, sent, { signal: controller.signal });
      const b = source.recover({ status: 401, headers: {} }, sent);
      await vi.waitFor(() => expect(tokens.held()).toBe(1));
      controller.abort();
      await expect(a).rejects.toMatchObject({ name: 'AbortError' });
      expect(tokens.held()).toBe(1);
      tokens.release();
      expect(await b).toBe(true);
      expect(tokens.requests).toHaveLength(1);
    } finally {
      tokens.release();
      await tokens.close();
    }
  });
});
