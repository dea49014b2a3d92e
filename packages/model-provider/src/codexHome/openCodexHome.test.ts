import { access, mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAuthManager } from '@x/auth-store';
import { rejectionOf, tempDir } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { ProviderConfigError } from '../errors.js';
import { openCodexHome } from './openCodexHome.js';

async function codexHome(toml?: string): Promise<string> {
  const home = join(await tempDir(), 'codex');
  await mkdir(home, { mode: 0o700 });
  if (toml !== undefined) await writeFile(join(home, 'config.toml'), toml);
  return home;
}

async function openError(options: Parameters<typeof openCodexHome>[0]): Promise<ProviderConfigError> {
  return rejectionOf(openCodexHome(options), ProviderConfigError);
}

describe('openCodexHome', () => {
  it('finds the home in the argument, else CODEX_HOME (canonical), else ~/.codex', async () => {
    const home = await codexHome('model = "from-codex-home"\n');
    const link = `${home}-link`;
    await symlink(home, link);
    const viaEnv = await openCodexHome({ env: { CODEX_HOME: link } });
    expect(viaEnv.home).toBe(await realpath(home));
    expect(viaEnv.model).toBe('from-codex-home');
    expect(viaEnv.config.file).toBe(join(await realpath(home), 'config.toml'));

    const other = await codexHome('model = "from-argument"\n');
    expect(await openCodexHome({ home: other, env: { CODEX_HOME: home } })).toMatchObject({
      home: other,
      model: 'from-argument',
    });

    const user = await tempDir();
    await mkdir(join(user, '.codex'));
    await writeFile(join(user, '.codex', 'config.toml'), 'model = "from-dot-codex"\n');
    expect(await openCodexHome({ env: { HOME: user, CODEX_HOME: '  ' } })).toMatchObject({
      home: join(user, '.codex'),
      model: 'from-dot-codex',
    });
  });

  it('refuses a CODEX_HOME that is not an existing folder, naming the variable and the path', async () => {
    const missing = join(await tempDir(), 'nope');
    const error = await openError({ env: { CODEX_HOME: missing } });
    expect(error.code).toBe('CODEX_HOME_INVALID');
    expect(error.message).toBe(`CODEX_HOME points to ${missing}, which does not exist`);
    const file = join(await tempDir(), 'a-file');
    await writeFile(file, '');
    expect(await openError({ env: { CODEX_HOME: file } })).toMatchObject({
      code: 'CODEX_HOME_INVALID',
      message: `CODEX_HOME points to ${file}, which is not a folder`,
    });
  });

  it('gives the defaults when config.toml does not exist', async () => {
    const home = await codexHome();
    const opened = await openCodexHome({ home, env: {} });
    expect(opened).toMatchObject({ home, providerId: 'openai', model: undefined });
    expect(opened.config).toEqual({ modelProviders: {}, builtInOverrides: {} });
    expect(opened.authManager.storeMode).toBe('file');
    expect(opened.registry.list().map((p) => p.id)).toContain('amazon-bedrock');
    // Nothing is written by opening.
    await expect(access(join(home, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses an undefined profile, naming it and listing the defined ones', async () => {
    const home = await codexHome('[profiles.work]\nmodel = "a"\n\n[profiles.home]\nmodel = "b"\n');
    const error = await openError({ home, profile: 'wrok', env: {} });
    expect(error.code).toBe('UNKNOWN_PROFILE');
    expect(error.message).toContain('profile `wrok` is not defined; defined profiles: work, home');
    expect(error.file).toBe(join(home, 'config.toml'));
    const bare = await openError({ home: await codexHome(), profile: 'work', env: {} });
    expect(bare.message).toContain('profile `work` is not defined; no profiles are defined');
  });

  it('keeps credentials as cli_auth_credentials_store says and enforces forced_login_method', async () => {
    const home = await codexHome(
      'cli_auth_credentials_store = "ephemeral"\nforced_login_method = "chatgpt"\n',
    );
    const opened = await openCodexHome({ home, env: {} });
    expect(opened.authManager.storeMode).toBe('ephemeral');
    await expect(opened.authManager.loginWithApiKey('sk-ephemeral-0123456789')).rejects.toMatchObject({
      code: 'LOGIN_RESTRICTED',
    });
    const free = await codexHome('cli_auth_credentials_store = "ephemeral"\n');
    const manager = (await openCodexHome({ home: free, env: {} })).authManager;
    await manager.loginWithApiKey('sk-ephemeral-0123456789');
    expect(await manager.status()).toMatchObject({ mode: 'apikey' });
    await expect(access(join(free, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it("lists the stored Bedrock API key's region at once, and describes the key as stored", async () => {
    const home = await codexHome('model_provider = "amazon-bedrock"\nmodel = "openai.gpt-oss-120b"\n');
    await createAuthManager({ home, env: {} }).loginWithBedrockApiKey({
      apiKey: 'stored-bedrock-key-0001',
      region: 'us-west-2',
    });
    const opened = await openCodexHome({ home, env: {} });
    expect(opened.providerId).toBe('amazon-bedrock');
    expect(opened.registry.list().find((p) => p.id === 'amazon-bedrock')?.baseUrl).toBe(
      'https://bedrock-mantle.us-west-2.api.aws/openai/v1',
    );
    expect(await opened.registry.get('amazon-bedrock').describeAuth()).toMatchObject({
      source: 'stored Bedrock API key (file store)',
      region: 'us-west-2',
    });
  });
});
