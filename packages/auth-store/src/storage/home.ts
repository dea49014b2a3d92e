import { createHash } from 'node:crypto';
import { chmod, mkdir, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AuthStoreError } from '../errors.js';

/** Creates the home folder 0700 when missing and returns its canonical (real) path. */
export async function ensureHome(home: string): Promise<string> {
  const absolute = resolve(home);
  try {
    await mkdir(absolute, { recursive: true, mode: 0o700 });
    return await realpath(absolute);
  } catch (cause) {
    throw new AuthStoreError('AUTH_FILE_IO', `cannot create the auth home folder ${absolute}`, { cause });
  }
}

/** Canonical path without creating anything (falls back to the resolved path). */
export async function canonicalHome(home: string): Promise<string> {
  try {
    return await realpath(resolve(home));
  } catch {
    return resolve(home);
  }
}

/** Codex's keyring account: `cli|` + first 16 hex chars of sha256(canonical home). */
export function keyringAccount(canonical: string): string {
  return `cli|${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}

export function authFilePath(home: string): string {
  return join(home, 'auth.json');
}

/** Tightens an existing file or folder to the given mode; errors are ignored (best effort). */
export async function tighten(path: string, mode: number): Promise<void> {
  await chmod(path, mode).catch(() => undefined);
}
