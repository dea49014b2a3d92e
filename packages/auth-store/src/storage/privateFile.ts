import { open, unlink } from 'node:fs/promises';

/**
 * Creates a new file readable by its owner only from the first byte: `O_CREAT | O_EXCL` with mode
 * 0600 (never an existing file or a symlink someone planted), then the data, then fsync. A failed
 * write removes the partial file.
 */
export async function createPrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}
