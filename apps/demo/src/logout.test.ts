import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './__testing__/runCli.js';

const SECRET = 'sk-canary-logout-4c1e9a7b2d5f8e3a';
const made: string[] = [];

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Every file under `dir` whose bytes contain `needle`. */
async function filesHolding(dir: string, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path, 'utf8')).includes(needle)) found.push(path);
  }
  return found;
}

describe('xdemo logout over an unreadable auth.json', () => {
  it('leaves no copy of the secret behind and tells the user on stderr what it removed', async () => {
    const home = await mkdtemp(join(tmpdir(), 'xdemo-logout-'));
    made.push(home);
    const env = { HOME: home };
    const authJson = join(home, 'auth.json');
    // A login over a broken file keeps a copy of it (and says so on stderr)...
    await writeFile(authJson, `{"OPENAI_API_KEY": "${SECRET}-first`, { mode: 0o600 });
    const login = await runCli(['--home', home, 'login', '--with-api-key'], {
      env,
      input: 'sk-demo-fresh-key-0123456789\n',
    });
    expect(login.code).toBe(0);
    expect(login.stderr).toContain('auth.json.corrupt-');
    // ...and a later logout over another broken file removes it and that copy.
    await writeFile(authJson, `{"OPENAI_API_KEY": "${SECRET}-second`, { mode: 0o600 });
    expect(await filesHolding(home, SECRET)).toHaveLength(2);
    const logout = await runCli(['--home', home, 'logout'], { env });
    expect(logout.code).toBe(0);
    expect(logout.stdout).toContain('Logged out.');
    expect(await filesHolding(home, SECRET)).toEqual([]);
    expect(logout.stderr).toContain(`removed the unreadable auth file ${authJson}`);
    expect(logout.stderr).toMatch(/auth\.json\.corrupt-/);
    for (const output of [login.stdout, login.stderr, logout.stdout, logout.stderr]) {
      expect(output).not.toContain(SECRET);
    }
  });
});
