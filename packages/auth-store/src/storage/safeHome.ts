import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
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

/** The real path of `path`, or of the nearest folder above it that exists; whether that is `path` itself. */
async function nearestRealPath(path: string): Promise<{ real: string; exists: boolean }> {
  for (let at = path; ; at = dirname(at)) {
    try {
      return { real: await realpath(at), exists: at === path };
    } catch (error) {
      if (!missing(error) || dirname(at) === at) {
        throw new AuthStoreError('AUTH_FILE_IO', `cannot read the auth home folder ${path}`, {
          cause: error,
        });
      }
    }
  }
}

/**
 * The folders above the home, up to the root: each must be owned by the current user or root, and
 * not writable by group or others unless it has the sticky bit (as /tmp does: there, others cannot
 * rename or remove what is ours). Otherwise another user could move the home aside and put their own
 * in its place.
 */
async function checkFoldersAbove(start: string, home: string): Promise<void> {
  for (let folder = start; ; folder = dirname(folder)) {
    const info = await stat(folder);
    if (!ownedByUs(info.uid))
      throw unsafe(`${folder}, above the auth home ${home}, is owned by another user (uid ${info.uid})`);
    if ((info.mode & 0o022) !== 0 && (info.mode & 0o1000) === 0) {
      const mode = (info.mode & 0o7777).toString(8).padStart(4, '0');
      throw unsafe(
        `${folder}, above the auth home ${home}, is writable by its group or others and not sticky (mode ${mode})`,
      );
    }
    if (dirname(folder) === folder) return;
  }
}

/**
 * Refuses to read or write secrets where another user has a say, like OpenSSH's StrictModes: the
 * home (after following a symlinked home) must be owned by the current user or root and not
 * writable by group or others, and so must every folder above it (sticky ones such as /tmp may be
 * writable by others); `auth.json`, if there, must be owned by the current user or root, and a
 * symlink in its place must point inside the home. A home not made yet is fine when the folders
 * above where it will be are. Skipped on Windows (no POSIX owners) and when `allowUnsafe` is set.
 */
export async function checkSafeHome(home: string, authFile: string, allowUnsafe = false): Promise<void> {
  if (allowUnsafe || process.platform === 'win32' || typeof process.getuid !== 'function') return;
  const nearest = await nearestRealPath(home);
  if (!nearest.exists) return checkFoldersAbove(nearest.real, home);
  const realHome = nearest.real;
  if (dirname(realHome) !== realHome) await checkFoldersAbove(dirname(realHome), home);
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
