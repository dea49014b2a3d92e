import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './__testing__/runCli.js';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from './demoAws.js';
import { type ProviderServer, startProviderServer } from './server/providerServer.js';

// Stored-login behaviour seen from the CLI, the way a user meets it: `xdemo models` against the
// embedded server, with a config.toml naming a provider that uses the stored OpenAI login.

const KEY = 'sk-canary-wire-5e2d7c9a1b3f4e6d8a0c';
const cleanup: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

/** A fresh home with a config.toml (`extra` first) whose provider `local` needs the stored login. */
async function session(extra = ''): Promise<{ home: string; server: ProviderServer }> {
  const home = await mkdtemp(join(tmpdir(), 'xdemo-wire-'));
  const server = await startProviderServer({
    apiKeys: [KEY],
    aws: { credentials: DEMO_AWS_CREDENTIALS, region: DEMO_AWS_REGION, services: ['bedrock-mantle'] },
  });
  cleanup.push(
    () => server.close(),
    () => rm(home, { recursive: true, force: true }),
  );
  await writeFile(
    join(home, 'config.toml'),
    `${extra}\n[model_providers.local]\nname = "Local"\nbase_url = "${server.openaiBaseUrl}"\nrequires_openai_auth = true\n`,
  );
  return { home, server };
}

const xdemo = (home: string, args: string[], input?: string) =>
  runCli(['--home', home, ...args], { env: { HOME: home }, ...(input === undefined ? {} : { input }) });

/** Every request the server answered or refused. */
const seen = (server: ProviderServer) =>
  Object.values(server.stats.verified).reduce((a, b) => a + b, 0) +
  Object.values(server.stats.rejected).reduce((a, b) => a + b, 0);

describe('xdemo over an unreadable auth.json', () => {
  it('a request names the file and leaves it alone; a login keeps an exact private copy; requests then work', async () => {
    const { home, server } = await session();
    const authJson = join(home, 'auth.json');
    const broken = `{"OPENAI_API_KEY": "${KEY}-truncated`;
    await writeFile(authJson, broken, { mode: 0o600 });

    const refused = await xdemo(home, ['models', '--provider', 'local']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(authJson);
    expect(await readFile(authJson, 'utf8')).toBe(broken);
    expect(seen(server)).toBe(0);

    const login = await xdemo(home, ['login', '--with-api-key'], `${KEY}\n`);
    expect(login.code).toBe(0);
    const copies = (await readdir(home)).filter((name) => name.startsWith('auth.json.corrupt-'));
    expect(copies).toHaveLength(1);
    const copy = join(home, copies[0] as string);
    expect(await readFile(copy, 'utf8')).toBe(broken);
    expect((await stat(copy)).mode & 0o777).toBe(0o600);
    expect(login.stderr).toContain(`kept the unreadable auth file as ${copy}`);

    const models = await xdemo(home, ['models', '--provider', 'local']);
    expect(models.code).toBe(0);
    expect(models.stdout.trim().split('\n')).toEqual(['demo-echo-1', 'demo-echo-mini']);
    expect(server.stats.verified['api-key']).toBe(1);
    for (const output of [refused, login, models]) expect(output.stdout + output.stderr).not.toContain(KEY);
  });
});

describe('xdemo with login restrictions in config.toml', () => {
  it('forced_login_method = "chatgpt": a stored API key is refused at the first request, logged out, never sent', async () => {
    const { home, server } = await session('forced_login_method = "chatgpt"');
    // `login` itself reads no config (as Codex's), so the key is stored...
    expect((await xdemo(home, ['login', '--with-api-key'], `${KEY}\n`)).code).toBe(0);
    expect(existsSync(join(home, 'auth.json'))).toBe(true);
    // ...and the first command that uses it enforces the restriction.
    const refused = await xdemo(home, ['models', '--provider', 'local']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('forced_login_method = "chatgpt"');
    expect(refused.stderr).toContain('logged out');
    expect(refused.stdout + refused.stderr).not.toContain(KEY);
    expect(existsSync(join(home, 'auth.json'))).toBe(false);
    expect(seen(server)).toBe(0);
    expect((await xdemo(home, ['login', 'status'])).code).toBe(1);
  });
});
