import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temp folder; `home` inside it does not exist yet. Removed after each test. */
export async function tempHome(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'auth-store-'));
  made.push(root);
  return join(root, 'home');
}

afterEach(async () => {
  for (const root of made.splice(0)) await rm(root, { recursive: true, force: true });
});
