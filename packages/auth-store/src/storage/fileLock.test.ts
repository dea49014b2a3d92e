import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../__testing__/tempHome.js';
import { withFileLock } from './fileLock.js';
import { processStartTime } from './processStart.js';

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

  it('takes over a lock whose pid is alive but belongs to another process (pid reused)', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const lock = join(home, 'x.lock');
    // A live, unrelated process: its pid is in the lock, but with a start time it never had.
    const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
    try {
      const pid = sleeper.pid as number;
      const start = await processStartTime(pid);
      expect(start).toMatch(/^\d+$/);
      await writeFile(lock, JSON.stringify({ pid, start: `${start}1`, time: Date.now(), nonce: 'reused' }));
      // The deadline only catches a hang: a reused pid must not make us wait for the timeout.
      const holder = await withFileLock(lock, async () => JSON.parse(await readFile(lock, 'utf8')), {
        timeoutMs: 20_000,
      });
      expect(holder).toMatchObject({ pid: process.pid, start: await processStartTime(process.pid) });
      expect(sleeper.exitCode).toBeNull();
      // The same live process with its true start time still holds the lock.
      await writeFile(lock, JSON.stringify({ pid, start, time: Date.now(), nonce: 'live' }));
      await expect(withFileLock(lock, async () => 1, { timeoutMs: 150 })).rejects.toMatchObject({
        code: 'LOCK_TIMEOUT',
      });
    } finally {
      sleeper.kill();
    }
  });

  it('fails at once with LOCK_PATH_INVALID when the lock path is a directory', async () => {
    const home = await tempHome();
    const lock = join(home, 'x.lock');
    await mkdir(lock, { recursive: true });
    const error = await withFileLock(lock, async () => 1, { timeoutMs: 20_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'LOCK_PATH_INVALID', message: expect.stringContaining(lock) });
    expect((await stat(lock)).isDirectory()).toBe(true);
  });
});
