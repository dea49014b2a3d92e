import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { AuthStoreError } from '../errors.js';

function unsafe(message: string): AuthStoreError {
  return new AuthStoreError(
    'UNSAFE_HOME',
    `${message}; another user could read or replace the credentials (fix the ownership or permissions, or pass allowUnsafeHome: true)`,
  );
}

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Owned by us, or by root (who can read everything anyway). */
function ownedByUs(uid: number): boolean {
  return uid === process.getuid?.() || uid === 0;
}

/**
 * Refuses to read or write secrets where another user has a say, like OpenSSH's StrictModes: the
 * home (after following a symlinked home) must be owned by the current user or root and not
 * writable by group or others; `auth.json`, if there, must be owned by the current user or root,
 * and a symlink in its place must point inside the home. Nothing there yet is fine. Skipped on
 * Windows (no POSIX owners) and when `allowUnsafe` is set.
 */
export async function checkSafeHome(home: string, authFile: string, allowUnsafe = false): Promise<void> {
  if (allowUnsafe || process.platform === 'win32' || typeof process.getuid !== 'function') return;
  let realHome: string;
  try {
    realHome = await realpath(home);
  } catch (error) {
    if (missing(error)) return;
    throw new AuthStoreError('AUTH_FILE_IO', `cannot read the auth home folder ${home}`, { cause: error });
  }
  const folder = await stat(realHome);
  if (!ownedByUs(folder.uid))
    throw unsafe(`the auth home ${home} is owned by another user (uid ${folder.uid})`);
  if ((folder.mode & 0o022) !== 0) {
    const mode = (folder.mode & 0o7777).toString(8).padStart(4, '0');
    throw unsafe(`the auth home ${home} is writable by its group or others (mode ${mode})`);
  }
  let entry: Awaited<ReturnType<typeof lstat>>;
  try {
    entry = await lstat(authFile);
  } catch (error) {
    if (missing(error)) return;
    throw new AuthStoreError('AUTH_FILE_IO', `cannot read ${authFile}`, { cause: error });
  }
  if (entry.isSymbolicLink()) {
    const target = await realpath(authFile).catch(() => null);
    const inside = target !== null && relative(realHome, target);
    if (inside === false || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw unsafe(`${authFile} is a symbolic link to a file outside ${home}`);
    }
    entry = await stat(target as string);
  }
  if (!ownedByUs(entry.uid)) throw unsafe(`${authFile} is owned by another user (uid ${entry.uid})`);
}
