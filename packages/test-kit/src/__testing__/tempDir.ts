import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh, empty folder under the system temp folder, named `prefix` plus random characters. Call it
 * inside a test (or a `beforeEach`): the folder and all in it are removed when that test finishes.
 */
export async function tempDir(prefix = 'x-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
