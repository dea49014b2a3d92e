import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '@x/model-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from './demoAws.js';
import { writeDemoWorkspace } from './demoWorkspace.js';
import { type ProviderServer, startProviderServer } from './server/providerServer.js';

let server: ProviderServer;
let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'xdemo-workspace-'));
  server = await startProviderServer({
    aws: { credentials: DEMO_AWS_CREDENTIALS, region: DEMO_AWS_REGION, services: ['bedrock-mantle'] },
  });
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

/** The `[model_providers.xdemo-command.auth]` table the workspace wrote, as the config loader reads it. */
async function tokenCommand(configFile: string): Promise<{ command: string; args: string[] }> {
  const auth = (await loadConfig({ file: configFile })).modelProviders['xdemo-command']?.auth;
  if (!auth) throw new Error('config.toml has no xdemo-command auth');
  return { command: auth.command, args: auth.args ?? [] };
}

describe('the demo workspace', () => {
  it('gives the token command the control secret in a 0600 file, never on its command line', async () => {
    const home = join(base, 'fresh');
    const workspace = await writeDemoWorkspace(home, server);
    const secret = server.controlSecret();
    expect((await readFile(workspace.controlSecretFile, 'utf8')).trim()).toBe(secret);
    expect((await stat(workspace.controlSecretFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(workspace.configFile, 'utf8')).not.toContain(secret);
    const { command, args } = await tokenCommand(workspace.configFile);
    expect([command, ...args].join(' ')).not.toContain(secret);

    // The configured command, run as the token source runs it, mints a token the server accepts.
    const minted = server.minter.minted;
    const { stdout } = await promisify(execFile)(command, args, { env: { PATH: process.env.PATH } });
    expect(server.minter.minted).toBe(minted + 1);
    expect(server.minter.check(stdout.trim())).toBe('valid');
  });

  it('replaces a control-secret file left in a reused home: new secret, mode 0600, no symlink followed', async () => {
    const home = join(base, 'reused');
    await mkdir(join(home, 'bin'), { recursive: true });
    const elsewhere = join(base, 'elsewhere');
    await writeFile(elsewhere, 'untouched\n', { mode: 0o644 });
    await symlink(elsewhere, join(home, 'bin', 'control-secret'));
    const workspace = await writeDemoWorkspace(home, server);
    expect(await readFile(elsewhere, 'utf8')).toBe('untouched\n');
    const file = await stat(workspace.controlSecretFile);
    expect(file.isFile() && (file.mode & 0o777) === 0o600).toBe(true);

    await writeFile(workspace.controlSecretFile, 'stale\n', { mode: 0o644 });
    await writeDemoWorkspace(home, server);
    expect((await readFile(workspace.controlSecretFile, 'utf8')).trim()).toBe(server.controlSecret());
    expect((await stat(workspace.controlSecretFile)).mode & 0o777).toBe(0o600);
  });
});
