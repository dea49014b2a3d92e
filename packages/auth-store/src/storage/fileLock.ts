import { randomBytes } from 'node:crypto';
import { link, lstat, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay } from '@x/auth-seam';
import { AuthStoreError } from '../errors.js';
import { processStartTime } from './processStart.js';

export interface LockOptions {
  /** Give up after this long (default 60 s). */
  timeoutMs?: number | undefined;
  /** A lock older than this is stale even if its process lives (default 120 s). */
  staleMs?: number | undefined;
}

// Polling a held lock: the first wait is 5-10 ms, doubling up to 100-200 ms.
const LOCK_POLL_INITIAL_MS = 10;
const LOCK_POLL_MAX_MS = 200;

interface LockContent {
  pid: number;
  /** The holder's start time where the platform tells it: a reused pid has another one. */
  start?: string | null | undefined;
  time: number;
  nonce: string;
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<{ text: string; content: LockContent | null } | null> {
  try {
    const text = await readFile(path, 'utf8');
    try {
      return { text, content: JSON.parse(text) as LockContent };
    } catch {
      return { text, content: null };
    }
  } catch {
    return null;
  }
}

/**
 * Breaks a stale lock: move it aside under a private name, and if what we moved is not the lock we
 * judged stale (its owner replaced it meanwhile), hard-link it back (link never overwrites).
 */
async function breakStale(path: string, seenText: string): Promise<void> {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  if (moved !== seenText) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function isStale(
  found: { content: LockContent | null },
  staleMs: number,
  path: string,
): Promise<boolean> {
  const content = found.content;
  if (!content || typeof content.pid !== 'number') {
    // Half-written lock (owner killed between create and write): stale once it is old enough.
    const info = await stat(path).catch(() => null);
    return !info || Date.now() - info.mtimeMs > 2000;
  }
  if (!processAlive(content.pid) || Date.now() - content.time > staleMs) return true;
  if (typeof content.start !== 'string') return false;
  const now = await processStartTime(content.pid);
  return now !== null && now !== content.start;
}

/** Anything but a regular file at the lock path (a folder, a symlink) would make us wait in vain. */
async function checkLockPath(path: string): Promise<void> {
  const info = await lstat(path).catch(() => null);
  if (!info || info.isFile()) return;
  const kind = info.isDirectory() ? 'a folder' : info.isSymbolicLink() ? 'a symbolic link' : 'not a file';
  throw new AuthStoreError(
    'LOCK_PATH_INVALID',
    `the lock path ${path} is ${kind}, not a regular file; remove it and try again`,
  );
}

/**
 * Runs `fn` while holding a cross-process lock file (`O_EXCL` create holding pid, process start
 * time, time and a nonce). Locks left by dead processes (or by a pid now given to another process),
 * or older than `staleMs`, are broken. A lock path that is not a regular file fails at once.
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const staleMs = options.staleMs ?? 120_000;
  const content: LockContent = {
    pid: process.pid,
    start: await processStartTime(process.pid),
    time: Date.now(),
    nonce: randomBytes(8).toString('hex'),
  };
  const text = JSON.stringify(content);
  const deadline = Date.now() + timeoutMs;
  let retry = 0;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AuthStoreError('AUTH_FILE_IO', `cannot create the lock file ${path}`, { cause: error });
      }
    }
    await checkLockPath(path);
    const found = await readLock(path);
    if (found && (await isStale(found, staleMs, path))) {
      await breakStale(path, found.text);
      continue;
    }
    if (Date.now() > deadline) {
      throw new AuthStoreError('LOCK_TIMEOUT', `timed out waiting for the lock ${path}`);
    }
    retry += 1;
    await sleep(backoffDelay(retry, LOCK_POLL_INITIAL_MS, LOCK_POLL_MAX_MS));
  }
  try {
    return await fn();
  } finally {
    const current = await readLock(path);
    if (current?.text === text) await unlink(path).catch(() => undefined);
  }
}
