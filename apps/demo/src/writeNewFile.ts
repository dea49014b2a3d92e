import { rm, writeFile } from 'node:fs/promises';

/**
 * Writes `path` as a new file with `mode`. A file left there (a chosen home reused with `--force`)
 * is removed first: writing over it would keep its old mode, and a symlink would be followed.
 */
export async function writeNewFile(path: string, content: string, mode: number): Promise<void> {
  await rm(path, { force: true });
  await writeFile(path, content, { mode, flag: 'wx' });
}
