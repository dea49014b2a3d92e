import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { spawnWorker } from '../__testing__/children.js';
import { tempHome } from '../__testing__/tempHome.js';
import { createAuthManager, createAuthStore } from '../index.js';

const ssEnv = inject('secretServiceEnv');

function secretTool(service: string): string {
  const result = spawnSync('secret-tool', ['search', '--all', 'service', service], {
    env: { ...process.env, ...ssEnv },
    encoding: 'utf8',
  });
  return `${result.stdout}${result.stderr}`;
}

const uniqueService = (): string => `auth-store-test-${process.pid}-${Math.random().toString(16).slice(2)}`;

describe('keyring store (real Secret Service)', () => {
  it('saves under cli|<sha256(canonical home)[0..16]> in the Secret Service, loads and deletes', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const service = uniqueService();
    const store = createAuthStore({ home, mode: 'keyring', keyringService: service });
    await store.save({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-keyring-0123456789' });
    const account = `cli|${createHash('sha256')
      .update(await realpath(home))
      .digest('hex')
      .slice(0, 16)}`;
    const listed = secretTool(service);
    expect(listed).toContain(`attribute.username = ${account}`);
    expect(listed).toContain('secret = {"auth_mode":"apikey","OPENAI_API_KEY":"sk-keyring-0123456789"}');
    await expect(stat(join(home, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await store.load()).toEqual({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-keyring-0123456789' });
    expect(await store.delete()).toBe(true);
    expect(secretTool(service)).not.toContain(account);
    expect(await store.load()).toBeNull();
    expect(await store.delete()).toBe(false);
  });

  it('derives the entry account from the canonical home: a symlinked home reaches the same entry', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const link = `${home}-link`;
    await symlink(home, link);
    const service = uniqueService();
    await createAuthStore({ home: link, mode: 'keyring', keyringService: service }).save({
      OPENAI_API_KEY: 'sk-via-symlink-0123',
    });
    const account = `cli|${createHash('sha256')
      .update(await realpath(home))
      .digest('hex')
      .slice(0, 16)}`;
    expect(secretTool(service)).toContain(`attribute.username = ${account}`);
    const direct = createAuthStore({ home, mode: 'keyring', keyringService: service });
    expect(await direct.load()).toEqual({ OPENAI_API_KEY: 'sk-via-symlink-0123' });
    expect(await direct.delete()).toBe(true);
    expect(secretTool(service)).not.toContain('username');
  });

  it('splits values longer than the chunk size and joins them back', async () => {
    const home = await tempHome();
    const service = uniqueService();
    const store = createAuthStore({ home, mode: 'keyring', keyringService: service, keyringChunkSize: 40 });
    const key = `sk-${'long'.repeat(40)}`;
    await store.save({ auth_mode: 'apikey', OPENAI_API_KEY: key });
    const listed = secretTool(service);
    expect(listed).toContain('|part1');
    expect(listed).toContain('|part4');
    expect(await store.load()).toEqual({ auth_mode: 'apikey', OPENAI_API_KEY: key });
    // Shrinking removes the parts no longer needed.
    await store.save({ OPENAI_API_KEY: 'sk-short' });
    expect(secretTool(service)).not.toContain('|part');
    expect(await store.load()).toEqual({ OPENAI_API_KEY: 'sk-short' });
    await store.save({ auth_mode: 'apikey', OPENAI_API_KEY: key });
    expect(await store.delete()).toBe(true);
    expect(secretTool(service)).not.toContain('username');
  });

  it('auto mode prefers the keyring and removes auth.json after a keyring save', async () => {
    const home = await tempHome();
    const service = uniqueService();
    const file = createAuthStore({ home, mode: 'file' });
    await file.save({ OPENAI_API_KEY: 'sk-from-file' });
    const auto = createAuthStore({ home, mode: 'auto', keyringService: service });
    expect(await auto.load()).toEqual({ OPENAI_API_KEY: 'sk-from-file' });
    await auto.save({ OPENAI_API_KEY: 'sk-to-keyring' });
    await expect(stat(join(home, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await auto.load()).toEqual({ OPENAI_API_KEY: 'sk-to-keyring' });
    expect(await auto.delete()).toBe(true);
    expect(await auto.load()).toBeNull();
  });

  it('manager logout in keyring mode removes the keyring entry and a leftover auth.json', async () => {
    const home = await tempHome();
    const service = uniqueService();
    await createAuthStore({ home }).save({ OPENAI_API_KEY: 'sk-leftover' });
    const manager = createAuthManager({ home, env: {}, storeMode: 'keyring', keyringService: service });
    await manager.loginWithBedrockApiKey({ apiKey: 'bedrock-key-0123456789', region: 'eu-west-1' });
    expect(await manager.auth()).toMatchObject({ mode: 'bedrockApiKey', region: 'eu-west-1' });
    expect(await manager.logout()).toBe(true);
    expect(secretTool(service)).not.toContain('username');
    await expect(stat(join(home, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await manager.logout()).toBe(false);
  });

  it('a missing native module: keyring fails with KEYRING_UNAVAILABLE, auto warns and uses the file', async () => {
    const home = await tempHome();
    const loadKeyring = async (): Promise<never> => {
      throw new Error('Cannot find module @napi-rs/keyring');
    };
    const keyring = createAuthStore({ home, mode: 'keyring', loadKeyring });
    await expect(keyring.save({ OPENAI_API_KEY: 'sk-x' })).rejects.toMatchObject({
      code: 'KEYRING_UNAVAILABLE',
    });
    const warnings: string[] = [];
    const auto = createAuthStore({
      home,
      mode: 'auto',
      loadKeyring,
      onWarning: (w) => warnings.push(w.code),
    });
    await auto.save({ OPENAI_API_KEY: 'sk-x' });
    expect(JSON.parse(await readFile(join(home, 'auth.json'), 'utf8'))).toEqual({ OPENAI_API_KEY: 'sk-x' });
    expect(await auto.load()).toEqual({ OPENAI_API_KEY: 'sk-x' });
    expect(warnings).toEqual(['KEYRING_UNAVAILABLE', 'KEYRING_UNAVAILABLE']);
  });

  it('no Secret Service on the bus (child processes): keyring fails with its code, auto falls back with a warning', async () => {
    const deadBus = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${await tempHome()}-no-bus` };
    const keyringHome = await tempHome();
    const keyring = spawnWorker(['store', keyringHome, 'keyring'], deadBus);
    expect(await keyring.exited).toBe(0);
    const keyringResult = JSON.parse(keyring.stdout());
    expect(keyringResult).toMatchObject({ ok: false, code: 'KEYRING_UNAVAILABLE' });
    expect(keyringResult.message).not.toContain('sk-child-process-key');
    await expect(stat(join(keyringHome, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });

    const autoHome = await tempHome();
    const auto = spawnWorker(['store', autoHome, 'auto'], deadBus);
    expect(await auto.exited).toBe(0);
    const autoResult = JSON.parse(auto.stdout());
    expect(autoResult).toMatchObject({ ok: true, mode: 'apikey' });
    expect(autoResult.warnings).toContain('KEYRING_UNAVAILABLE');
    expect(JSON.parse(await readFile(join(autoHome, 'auth.json'), 'utf8'))).toMatchObject({
      OPENAI_API_KEY: 'sk-child-process-key-0123456789',
    });
  });
});
