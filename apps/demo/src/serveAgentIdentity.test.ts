import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './__testing__/runCli.js';
import { spawnServe } from './__testing__/spawnServe.js';

it('serve trusts an Agent Identity whose JWT it leaves in a 0600 file, and verifies its requests', async () => {
  const home = await mkdtemp(join(tmpdir(), 'xdemo-serve-agent-'));
  const serve = spawnServe(['--home', home, 'serve', '--agent-task-ids', 'encrypted'], { HOME: home });
  try {
    await serve.ready();
    const banner = serve.stdout();
    const authapi = /export CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL=(\S+)/.exec(banner)?.[1];
    expect(authapi).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/accounts$/);
    const file = join(home, 'bin', 'agent-identity.jwt');
    expect(banner).toContain(`xdemo login --agent-identity < ${file}`);
    expect(banner).toContain('(task ids: encrypted)');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const jwt = (await readFile(file, 'utf8')).trim();

    const env = { HOME: home, CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL: String(authapi) };
    const login = await runCli(['--home', home, 'login', '--agent-identity'], { env, input: jwt });
    expect(login.code).toBe(0);
    const ask = await runCli(['--home', home, 'ask', '--provider', 'xdemo-agent', 'served'], { env });
    expect(ask.stderr).toBe('');
    expect(ask.stdout).toBe('echo: served [verified: agent-identity]\n');

    const printed = [banner, serve.stderr(), login.stdout, login.stderr, ask.stdout].join('\n');
    expect(printed).not.toContain(jwt.split('.')[1]);
    expect(printed).not.toMatch(/eyJ|MC4CAQAwBQYDK2Vw/);
    expect(await serve.stop(), serve.stderr()).toEqual({ code: 0, signal: null });
  } finally {
    await serve.stop();
    await rm(home, { recursive: true, force: true });
  }
});
