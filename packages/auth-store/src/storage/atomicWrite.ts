import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './fileLock.js';
import { createPrivateFile } from './privateFile.js';

// Older than this and its writer is dead: the temp file was left by a killed process.
const ORPHAN_AGE_MS = 10_000;

/**
 * Removes temp files a killed writer left beside `path` (they hold a full copy of the credentials).
 * Only files of the exact temp pattern, from a pid that is gone, and not written just now. Best effort.
 */
export async function removeOrphanedTemps(dir: string, base: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    if (!match || processAlive(Number(match[1]))) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > ORPHAN_AGE_MS)
      await unlink(join(dir, name)).catch(() => undefined);
  }
}

/**
 * Writes `data` to `path` atomically: a temp file created 0600 in the same folder, fsync, rename,
 * then fsync of the folder. Readers see the old or the new file, never a partial one. Temp files
 * of writers killed mid-way are removed afterwards.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await createPrivateFile(temp, data);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  const folder = await open(dir, 'r').catch(() => null);
  if (folder)
    await folder
      .sync()
      .catch(() => undefined)
      .finally(() => folder.close());
  await removeOrphanedTemps(dir, basename(path));
}
