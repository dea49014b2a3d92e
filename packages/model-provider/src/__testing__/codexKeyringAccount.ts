import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';

/** Codex's keyring account for a home: `cli|` and the first 16 hex of SHA-256 of its canonical path. */
export async function codexKeyringAccount(home: string): Promise<string> {
  return `cli|${createHash('sha256')
    .update(await realpath(home))
    .digest('hex')
    .slice(0, 16)}`;
}
