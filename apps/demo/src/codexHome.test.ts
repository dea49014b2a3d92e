import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyedServer } from './__testing__/keyedServer.js';
import { runCli } from './__testing__/runCli.js';
import type { ProviderServer } from './server/providerServer.js';
import { codexHomeConfigToml } from './tourCodexHome.js';

const KEY = 'sk-canary-codex-home-5d1e9a7c3b';
let server: ProviderServer;
let root: string;
let codexHome: string;
const outputs: string[] = [];

async function cli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = await runCli(args, { env: { HOME: root, ...options.env }, input: options.input ?? '' });
  outputs.push(result.stdout, result.stderr);
  return result;
}

/** Every file under `dir` with its content, mode and modification time. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    files[path] = `${info.mode} ${info.mtimeMs} ${entry.isFile() ? await readFile(path, 'utf8') : ''}`;
  }
  return files;
}

beforeAll(async () => {
  server = await startKeyedServer(KEY, ['bedrock']);
  root = await mkdtemp(join(tmpdir(), 'xdemo-codex-'));
  codexHome = join(root, 'codex');
  await mkdir(codexHome, { mode: 0o700 });
  await writeFile(join(codexHome, 'config.toml'), codexHomeConfigToml(server.openaiBaseUrl));
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('xdemo --codex-home', () => {
  it('logs in into the Codex home, then reads it without writing: status, providers, ask with the profile', async () => {
    const login = await cli(['--codex-home', codexHome, 'login', '--with-api-key'], { input: KEY });
    expect(login.code).toBe(0);
    expect(JSON.parse(await readFile(join(codexHome, 'auth.json'), 'utf8')).OPENAI_API_KEY).toBe(KEY);
    const before = await snapshot(codexHome);

    const status = await cli(['--codex-home', codexHome, 'login', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ loggedIn: true, mode: 'apikey', storeMode: 'file' });
    const providers = await cli(['--codex-home', codexHome, 'providers', '--json']);
    expect((JSON.parse(providers.stdout) as { id: string }[]).map((p) => p.id)).toContain('xdemo-codex');
    // No --provider, no --model: the profile's model_provider and model are the ones used.
    const ask = await cli(['--codex-home', codexHome, 'ask', '--no-stream', 'through codex']);
    expect(ask.stderr).toBe('');
    expect(ask.stdout).toBe('echo: through codex [verified: api-key]\n');
    expect(server.stats.verified['api-key']).toBe(1);
    expect(await snapshot(codexHome)).toEqual(before);
  });

  it('defaults to $CODEX_HOME, and logout removes the login from the Codex home', async () => {
    const env = { CODEX_HOME: codexHome };
    const status = await cli(['--codex-home', 'login', 'status'], { env });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Logged in using apikey');
    const logout = await cli(['--codex-home', 'logout'], { env });
    expect(logout.stdout).toBe('Logged out.\n');
    await expect(stat(join(codexHome, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await cli(['--codex-home', 'login', 'status'], { env })).code).toBe(1);
  });

  it('refuses --home with it, and serve and tour, which write homes of their own (exit 2)', async () => {
    const both = await cli(['--home', root, '--codex-home', codexHome, 'login', 'status']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('choose one of --home and --codex-home (INVALID_USAGE)');
    const before = await snapshot(codexHome);
    const serve = await cli(['--codex-home', codexHome, 'serve']);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toContain('a Codex home is only read');
    expect((await cli(['--codex-home', codexHome, 'tour'])).code).toBe(2);
    expect(await snapshot(codexHome)).toEqual(before);
  });

  it('never prints the key', () => {
    expect(outputs.join('\n')).not.toContain(KEY);
  });
});
