import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_PROBE, REFRESH_WORKER, spawnScript } from '../__testing__/children.js';
import { accessToken, idToken } from '../__testing__/fakeTokens.js';
import { tempHome } from '../__testing__/tempHome.js';
import { startTokenServer } from '../__testing__/tokenServer.js';
import { createAuthStore } from '../index.js';

/** How many times the process `pid` found a lock taken, as the lock probe recorded it. */
function lockWaits(probe: string, pid: number | undefined): number {
  if (!existsSync(probe)) return 0;
  return readFileSync(probe, 'utf8')
    .split('\n')
    .filter((line) => line === String(pid)).length;
}

describe('the cross-process refresh lock, two processes', () => {
  it('a second process refreshing the same token waits for the lock, then adopts the first one’s tokens without a request', async () => {
    const server = await startTokenServer();
    try {
      const home = await tempHome();
      const root = dirname(home);
      const stale = accessToken(3600, 'stale');
      await createAuthStore({ home }).save({
        auth_mode: 'chatgpt',
        OPENAI_API_KEY: null,
        tokens: {
          id_token: idToken(),
          access_token: stale,
          refresh_token: 'rt-shared',
          account_id: 'ws-123',
        },
        last_refresh: new Date().toISOString(),
      });
      server.allow('rt-shared');
      server.hold();
      const probe = join(root, 'lock-probe');
      const env = { ...process.env, LOCK_PROBE: probe };
      const start = (name: string) =>
        spawnScript(REFRESH_WORKER, [home, server.url, join(root, `go-${name}`)], env, [
          '--import',
          LOCK_PROBE,
        ]);
      const [a, b] = [start('a'), start('b')];
      await Promise.all([a.ready, b.ready]);

      // A takes the lock and sends its refresh, which the token server holds unanswered.
      await writeFile(join(root, 'go-a'), '');
      await expect.poll(() => server.held()).toBe(1);
      // B, refreshing the same stale token, finds the lock taken and waits: it sends nothing.
      await writeFile(join(root, 'go-b'), '');
      await expect.poll(() => lockWaits(probe, b.process.pid)).toBeGreaterThan(0);
      expect(server.requests).toHaveLength(1);

      server.release();
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
      expect(server.requests).toHaveLength(1);
      const stored = JSON.parse(await readFile(join(home, 'auth.json'), 'utf8'));
      expect(stored.tokens.refresh_token).toMatch(/^rt-rotated-1-/);
      for (const child of [a, b]) {
        expect(JSON.parse(child.stdout().split('\n')[1] ?? '{}')).toEqual({
          before: stale,
          after: stored.tokens.access_token,
        });
      }
    } finally {
      server.release();
      await server.close();
    }
  }, 120_000);
});
