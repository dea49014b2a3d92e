import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentPrivateKey } from '../__testing__/agentIdentity.js';
import { accessToken, idToken } from '../__testing__/fakeTokens.js';
import { tempHome } from '../__testing__/tempHome.js';
import type { AccountUpdatedNotification } from '../index.js';
import { AuthStoreError, createAuthManager, createAuthStore, maskSecret } from '../index.js';

const agentRecord = {
  agent_runtime_id: 'runtime-1',
  agent_private_key: agentPrivateKey(),
  account_id: 'ws-agent',
  email: 'agent@example.com',
  plan_type: 'business',
};

describe('AuthManager modes', () => {
  it('logs in with every persisted mode, reports status, and writes Codex field names', async () => {
    const home = await tempHome();
    const manager = createAuthManager({ home, env: {} });
    const file = (): Promise<Record<string, unknown>> =>
      readFile(join(home, 'auth.json'), 'utf8').then((t) => JSON.parse(t));

    await manager.loginWithApiKey('sk-proj-abcdefghijklmnop');
    expect(await manager.auth()).toMatchObject({ mode: 'apikey', apiKey: 'sk-proj-abcdefghijklmnop' });
    expect(await file()).toEqual({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-proj-abcdefghijklmnop' });
    expect((await manager.status()).maskedKey).toBe('sk-proj-***lmnop');

    await manager.loginWithBedrockApiKey({ apiKey: 'ABSKbedrockkey0123456789', region: 'us-west-2' });
    expect(await manager.auth()).toMatchObject({
      mode: 'bedrockApiKey',
      apiKey: 'ABSKbedrockkey0123456789',
      region: 'us-west-2',
    });
    expect(await file()).toEqual({
      auth_mode: 'bedrockApiKey',
      OPENAI_API_KEY: null,
      bedrock_api_key: { api_key: 'ABSKbedrockkey0123456789', region: 'us-west-2' },
    });
    expect(await manager.status()).toMatchObject({ maskedKey: 'ABSKbedr***56789', region: 'us-west-2' });

    await manager.loginWithPersonalAccessToken('pat_0123456789abcdef');
    expect(await manager.auth()).toMatchObject({
      mode: 'personalAccessToken',
      token: 'pat_0123456789abcdef',
    });
    expect((await file()).personal_access_token).toBe('pat_0123456789abcdef');

    const id = idToken('ws-9', 'pro', 'me@example.com');
    const at = accessToken(3600);
    await manager.loginWithChatgptTokens({ idToken: id, accessToken: at, refreshToken: 'rt-1' });
    expect(await manager.auth()).toMatchObject({
      mode: 'chatgpt',
      accessToken: at,
      accountId: 'ws-9',
      planType: 'pro',
    });
    const written = await file();
    expect(written).toMatchObject({
      auth_mode: 'chatgpt',
      OPENAI_API_KEY: null,
      tokens: { id_token: id, access_token: at, refresh_token: 'rt-1', account_id: 'ws-9' },
    });
    expect(Number.isNaN(Date.parse(written.last_refresh as string))).toBe(false);
    expect(await manager.status()).toMatchObject({
      mode: 'chatgpt',
      email: 'me@example.com',
      planType: 'pro',
      maskedKey: null,
    });
  });

  it('agent identity: the host registrar gives the task, once per runtime id, shared by concurrent callers', async () => {
    const home = await tempHome();
    await createAuthManager({ home, env: {} }).loginWithAgentIdentity(agentRecord);
    let registered = 0;
    const manager = createAuthManager({
      home,
      env: {},
      createAgentTask: async (record) => {
        registered += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { taskId: `task-${registered}-${record.agent_runtime_id}`, createdAt: 'now' };
      },
    });
    const auth = await manager.auth();
    expect(auth).toMatchObject({ mode: 'agentIdentity', accountId: 'ws-agent', planType: 'business' });
    const tasks = await Promise.all(Array.from({ length: 10 }, () => manager.agentTask()));
    expect(registered).toBe(1);
    expect(new Set(tasks.map((task) => task.taskId))).toEqual(new Set(['task-1-runtime-1']));
    await manager.reload();
    expect((await manager.agentTask()).taskId).toBe('task-1-runtime-1');
    const text = await readFile(join(home, 'auth.json'), 'utf8');
    expect(text).not.toContain('task-1-runtime-1');
    expect(JSON.parse(text).agent_identity).toEqual(agentRecord);
  });

  it('validates input with clear codes', async () => {
    const manager = createAuthManager({ home: await tempHome(), env: {} });
    await expect(
      manager.loginWithBedrockApiKey({ apiKey: 'k-0123456789', region: 'moon-1' }),
    ).rejects.toMatchObject({
      code: 'INVALID_REGION',
    });
    await expect(manager.loginWithApiKey('')).rejects.toMatchObject({ code: 'INVALID_CREDENTIAL' });
    await expect(manager.loginWithAgentIdentity({ agent_runtime_id: 'r' } as never)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIAL',
      message: expect.stringContaining('agent_private_key'),
    });
    expect(await manager.auth()).toBeNull();
  });

  it('OPENAI_API_KEY never logs in; CODEX_API_KEY does only when opted in', async () => {
    const home = await tempHome();
    const env = { OPENAI_API_KEY: 'sk-env-openai-000000', CODEX_API_KEY: 'sk-env-codex-000000' };
    expect(await createAuthManager({ home, env }).auth()).toBeNull();
    expect(await createAuthManager({ home, env, enableCodexApiKeyEnv: true }).auth()).toMatchObject({
      mode: 'apikey',
      apiKey: 'sk-env-codex-000000',
    });
  });

  it('host-supplied ChatGPT tokens stay in memory', async () => {
    const home = await tempHome();
    const manager = createAuthManager({ home, env: {} });
    await manager.setExternalChatgptTokens({
      accessToken: 'host-access-token-01',
      chatgptAccountId: 'ws-host',
      chatgptPlanType: 'team',
    });
    expect(await manager.auth()).toMatchObject({
      mode: 'chatgptAuthTokens',
      accountId: 'ws-host',
      planType: 'team',
    });
    expect(await createAuthStore({ home }).load()).toBeNull();
    expect(await manager.logout()).toBe(true);
    expect(await manager.auth()).toBeNull();
  });

  it('ephemeral mode keeps credentials in process memory only', async () => {
    const home = await tempHome();
    const a = createAuthManager({ home, env: {}, storeMode: 'ephemeral' });
    await a.loginWithApiKey('sk-ephemeral-0123456789');
    const b = createAuthManager({ home, env: {}, storeMode: 'ephemeral' });
    expect(await b.auth()).toMatchObject({ apiKey: 'sk-ephemeral-0123456789' });
    expect(await createAuthStore({ home }).load()).toBeNull();
    expect(await b.logout()).toBe(true);
    expect(await a.reload()).toBe(true);
    expect(await a.auth()).toBeNull();
  });
});

describe('AuthManager lifecycle', () => {
  it('reload reports changes made by another process and notifies listeners; logout says whether anything was removed', async () => {
    const home = await tempHome();
    const manager = createAuthManager({ home, env: {} });
    const seen: AccountUpdatedNotification[] = [];
    const off = manager.onChange((n) => seen.push(n));
    expect(await manager.reload()).toBe(false);
    expect(await manager.auth()).toBeNull();
    expect(await manager.reload()).toBe(false);
    await createAuthManager({ home, env: {} }).loginWithBedrockApiKey({
      apiKey: 'bk-0123456789abc',
      region: 'us-east-1',
    });
    expect(await manager.reload()).toBe(true);
    expect(await manager.reload()).toBe(false);
    expect(seen).toEqual([{ authMode: 'bedrockApiKey', planType: null }]);
    expect(await manager.logout()).toBe(true);
    expect(seen.at(-1)).toEqual({ authMode: null, planType: null });
    expect(await manager.logout()).toBe(false);
    off();
    await manager.loginWithApiKey('sk-after-unsubscribe-00');
    expect(seen).toHaveLength(2);
  });

  it('a first reload() that finds credentials resolves true and notifies listeners; a first auth() load stays silent', async () => {
    const home = await tempHome();
    await createAuthManager({ home, env: {} }).loginWithChatgptTokens({
      idToken: idToken('ws-reload', 'team'),
      accessToken: accessToken(3600),
      refreshToken: 'rt-reload',
    });

    const manager = createAuthManager({ home, env: {} });
    const seen: AccountUpdatedNotification[] = [];
    manager.onChange((n) => seen.push(n));
    expect(await manager.reload()).toBe(true);
    expect(seen).toEqual([{ authMode: 'chatgpt', planType: 'team' }]);
    expect(await manager.reload()).toBe(false);
    expect(seen).toHaveLength(1);

    // Loading the initial state through auth() is not a change: no notification.
    const quiet = createAuthManager({ home, env: {} });
    const quietSeen: AccountUpdatedNotification[] = [];
    quiet.onChange((n) => quietSeen.push(n));
    expect(await quiet.auth()).toMatchObject({ mode: 'chatgpt', accountId: 'ws-reload' });
    expect(quietSeen).toEqual([]);
    expect(await quiet.reload()).toBe(false);
    expect(quietSeen).toEqual([]);

    // A first reload() of an empty home reports no change and stays silent.
    const empty = createAuthManager({ home: await tempHome(), env: {} });
    const emptySeen: AccountUpdatedNotification[] = [];
    empty.onChange((n) => emptySeen.push(n));
    expect(await empty.reload()).toBe(false);
    expect(emptySeen).toEqual([]);
  });

  it('masks keys: first 8 + *** + last 5; 13 chars or fewer are ***', () => {
    expect(maskSecret('sk-1234567890abcdef')).toBe('sk-12345***bcdef');
    expect(maskSecret('1234567890123')).toBe('***');
    expect(maskSecret('12345678901234')).toBe('12345678***01234');
  });
});

describe('login restrictions', () => {
  it('forced_login_method rejects logins of the other kind and logs out stored ones', async () => {
    const home = await tempHome();
    const chatgptOnly = createAuthManager({
      home,
      env: {},
      loginRestrictions: { forcedLoginMethod: 'chatgpt' },
    });
    await expect(chatgptOnly.loginWithApiKey('sk-0123456789abcdef')).rejects.toMatchObject({
      code: 'LOGIN_RESTRICTED',
      message: expect.stringContaining('forced_login_method = "chatgpt"'),
    });
    await expect(
      chatgptOnly.loginWithBedrockApiKey({ apiKey: 'bk-0123456789abc', region: 'us-east-1' }),
    ).rejects.toMatchObject({ code: 'LOGIN_RESTRICTED' });
    await createAuthManager({ home, env: {} }).loginWithApiKey('sk-0123456789abcdef');
    const error = await chatgptOnly.auth().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthStoreError);
    expect((error as AuthStoreError).message).toMatch(/logged out/);
    expect(await createAuthStore({ home }).load()).toBeNull();

    const apiOnly = createAuthManager({ home, env: {}, loginRestrictions: { forcedLoginMethod: 'api' } });
    await expect(
      apiOnly.loginWithChatgptTokens({
        idToken: idToken(),
        accessToken: accessToken(3600),
        refreshToken: 'r',
      }),
    ).rejects.toMatchObject({ code: 'LOGIN_RESTRICTED', message: expect.stringContaining('"api"') });
    await apiOnly.loginWithBedrockApiKey({ apiKey: 'bk-0123456789abc', region: 'us-east-1' });
  });

  it('forced_chatgpt_workspace_id accepts only that workspace', async () => {
    const home = await tempHome();
    const manager = createAuthManager({
      home,
      env: {},
      loginRestrictions: { forcedChatgptWorkspaceId: 'ws-good' },
    });
    await expect(
      manager.loginWithChatgptTokens({
        idToken: idToken('ws-bad'),
        accessToken: accessToken(3600),
        refreshToken: 'r',
      }),
    ).rejects.toMatchObject({ code: 'LOGIN_RESTRICTED', message: expect.stringContaining('ws-bad') });
    await manager.loginWithChatgptTokens({
      idToken: idToken('ws-good'),
      accessToken: accessToken(3600),
      refreshToken: 'r',
    });
    expect(await manager.auth()).toMatchObject({ accountId: 'ws-good' });
    await expect(
      manager.setExternalChatgptTokens({ accessToken: 'host-token-000000', chatgptAccountId: 'ws-other' }),
    ).rejects.toMatchObject({ code: 'LOGIN_RESTRICTED' });
  });
});
