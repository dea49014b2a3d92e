import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type Child, spawnWorker } from '../__testing__/children.js';
import { accessToken, idToken } from '../__testing__/fakeTokens.js';
import { tempHome } from '../__testing__/tempHome.js';
import { startTokenServer } from '../__testing__/tokenServer.js';
import { createAuthStore } from '../index.js';

/** auth.json must be absent, or valid JSON with mode 0600. Returns whether it existed. */
async function checkAuthFile(home: string): Promise<boolean> {
  const path = join(home, 'auth.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  expect(() => JSON.parse(text)).not.toThrow();
  const info = await stat(path).catch(() => null);
  if (info) expect(info.mode & 0o777).toBe(0o600);
  return true;
}

describe('across processes', () => {
  it('20 processes x 50 login/logout, some SIGKILLed mid-way: auth.json is always absent or valid 0600 JSON', async () => {
    const home = await tempHome();
    await createAuthStore({ home }).save({ OPENAI_API_KEY: 'sk-seed' });
    const children: Child[] = Array.from({ length: 20 }, () => spawnWorker(['stress', home, '50']));
    await Promise.all(children.map((c) => c.ready));
    await writeFile(join(home, 'go'), '');
    const running = Promise.all(children.map((c) => c.exited));
    let done = false;
    void running.then(() => {
      done = true;
    });
    let samples = 0;
    let killed = 0;
    while (!done) {
      await checkAuthFile(home);
      samples += 1;
      // Kill every fourth child once the run is under way.
      if (samples === 5) {
        for (const [i, child] of children.entries()) {
          if (i % 4 === 0 && child.process.exitCode === null) {
            child.process.kill('SIGKILL');
            killed += 1;
          }
        }
      }
      await sleep(3);
    }
    const codes = await running;
    await checkAuthFile(home);
    expect(samples).toBeGreaterThan(5);
    expect(killed).toBeGreaterThan(0);
    // The survivors finished all their iterations.
    const finished = children.filter((c) => c.stdout().includes('done'));
    expect(finished.length).toBeGreaterThanOrEqual(20 - killed);
    expect(codes.filter((c) => c === 0).length).toBe(finished.length);
    // Killed writers may leave temp files, never a broken auth.json; a later process still works.
    const leftovers = (await readdir(home)).filter((f) => f.endsWith('.tmp'));
    expect(leftovers.length).toBeLessThanOrEqual(killed);
    const after = spawnWorker(['stress', home, '1']);
    await after.ready;
    expect(await after.exited).toBe(0);
  }, 120_000);

  it('20 processes needing a refresh at once send exactly one refresh request and all end with the new tokens', async () => {
    const server = await startTokenServer();
    try {
      const home = await tempHome();
      await createAuthStore({ home }).save({
        auth_mode: 'chatgpt',
        OPENAI_API_KEY: null,
        tokens: {
          id_token: idToken(),
          access_token: accessToken(30),
          refresh_token: 'rt-shared',
          account_id: 'ws-123',
        },
        last_refresh: new Date().toISOString(),
      });
      server.allow('rt-shared');
      const children = Array.from({ length: 20 }, () => spawnWorker(['refresh', home, server.url]));
      await Promise.all(children.map((c) => c.ready));
      await writeFile(join(home, 'go'), '');
      const codes = await Promise.all(children.map((c) => c.exited));
      expect(codes).toEqual(Array(20).fill(0));
      expect(server.requests).toHaveLength(1);
      const file = JSON.parse(await readFile(join(home, 'auth.json'), 'utf8'));
      expect(file.tokens.refresh_token).toMatch(/^rt-rotated-1-/);
      for (const child of children) {
        expect(JSON.parse(child.stdout().split('\n')[1] ?? '{}')).toEqual({
          accessToken: file.tokens.access_token,
        });
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
