import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../__testing__/tempHome.js';
import { withFileLock } from './fileLock.js';

describe('withFileLock', () => {
  it('serializes holders: critical sections never overlap', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const lock = join(home, 'x.lock');
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(lock, async () => {
          inside += 1;
          maxInside = Math.max(maxInside, inside);
          await sleep(2);
          inside -= 1;
        }),
      ),
    );
    expect(maxInside).toBe(1);
  });

  it('breaks a lock left by a dead process', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const lock = join(home, 'x.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const pid = Number(dead.stdout);
    await writeFile(lock, JSON.stringify({ pid, time: Date.now(), nonce: 'dead' }));
    const result = await withFileLock(lock, async () => JSON.parse(await readFile(lock, 'utf8')).pid, {
      timeoutMs: 2000,
    });
    expect(result).toBe(process.pid);
  });

  it('waits for a live holder and times out with LOCK_TIMEOUT', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const lock = join(home, 'x.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, time: Date.now(), nonce: 'live' }));
    await expect(withFileLock(lock, async () => 1, { timeoutMs: 150 })).rejects.toMatchObject({
      code: 'LOCK_TIMEOUT',
    });
  });

  it('releases the lock when the critical section throws, leaving no lock file', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const lock = join(home, 'x.lock');
    await expect(
      withFileLock(lock, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readdir(home)).toEqual([]);
    expect(await withFileLock(lock, async () => 'again', { timeoutMs: 150 })).toBe('again');
    expect(await readdir(home)).toEqual([]);
  });

  it("breaks an empty (half-written) lock once it is old, and a live holder's lock past staleMs", async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const lock = join(home, 'x.lock');
    await writeFile(lock, '');
    const old = new Date(Date.now() - 10_000);
    await utimes(lock, old, old);
    expect(await withFileLock(lock, async () => 'taken', { timeoutMs: 2000 })).toBe('taken');
    await writeFile(lock, JSON.stringify({ pid: process.pid, time: Date.now() - 5000, nonce: 'slow' }));
    expect(await withFileLock(lock, async () => 'stale', { timeoutMs: 2000, staleMs: 1000 })).toBe('stale');
    expect(await readdir(home)).toEqual([]);
  });
});
