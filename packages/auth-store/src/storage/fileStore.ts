import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AuthStoreError } from '../errors.js';
import type { AuthDotJson } from '../model/authDotJson.js';
import { parseAuthDotJson, serializeAuthDotJson } from '../model/authDotJson.js';
import { checkStoredValues } from '../model/credentialValues.js';
import { removeOrphanedTemps, writeFileAtomic } from './atomicWrite.js';
import { authFilePath, ensureHome, tighten } from './home.js';
import { createPrivateFile } from './privateFile.js';
import { checkSafeHome } from './safeHome.js';

/** `<home>/auth.json`, written atomically with mode 0600 in a 0700 folder. */
export interface FileStore {
  readonly kind: 'file';
  readonly path: string;
  load(): Promise<AuthDotJson | null>;
  save(auth: AuthDotJson): Promise<void>;
  delete(): Promise<boolean>;
  /** Copies an unreadable auth.json aside (`auth.json.corrupt-<time>`) and returns the copy's path. */
  preserveCorrupt(): Promise<string | null>;
  /** Whether auth.json exists but cannot be parsed. */
  unreadable(): Promise<boolean>;
  /** Removes every copy {@link preserveCorrupt} made and temp files of killed writers; returns the copies. */
  removeCopies(): Promise<string[]>;
}

// Exactly the names preserveCorrupt gives its copies; other files in the home are left alone.
const COPY = /^auth\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d+$/;

function io(path: string, verb: string, cause: unknown): AuthStoreError {
  return new AuthStoreError('AUTH_FILE_IO', `cannot ${verb} ${path}`, { cause });
}

export interface FileStoreOptions {
  home: string;
  /** Read and write even in a home another user owns or can write to (see checkSafeHome). */
  allowUnsafeHome?: boolean | undefined;
}

export function createFileStore(options: FileStoreOptions): FileStore {
  const path = authFilePath(options.home);
  const checkHome = (): Promise<void> => checkSafeHome(options.home, path, options.allowUnsafeHome);
  return {
    kind: 'file',
    path,
    async load() {
      await checkHome();
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw io(path, 'read', cause);
      }
      const info = await stat(path).catch(() => null);
      if (info && process.platform !== 'win32' && (info.mode & 0o077) !== 0) await tighten(path, 0o600);
      const dot = parseAuthDotJson(text, path);
      // A value fetch cannot send is refused, not treated as a corrupt file: it stays where it is.
      checkStoredValues(dot, path);
      return dot;
    },
    async save(auth) {
      checkStoredValues(auth, path);
      await ensureHome(options.home);
      await checkHome();
      await tighten(options.home, 0o700);
      try {
        await writeFileAtomic(path, serializeAuthDotJson(auth, true));
      } catch (cause) {
        throw io(path, 'write', cause);
      }
    },
    async delete() {
      try {
        await unlink(path);
        return true;
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw io(path, 'delete', cause);
      }
    },
    async unreadable() {
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text === null) return false;
      try {
        parseAuthDotJson(text, path);
        return false;
      } catch (error) {
        return error instanceof AuthStoreError;
      }
    },
    async removeCopies() {
      const dir = dirname(path);
      const names = await readdir(dir).catch(() => [] as string[]);
      const removed: string[] = [];
      for (const name of names.filter((n) => COPY.test(n))) {
        try {
          await unlink(join(dir, name));
          removed.push(join(dir, name));
        } catch (cause) {
          if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw io(join(dir, name), 'delete', cause);
        }
      }
      await removeOrphanedTemps(dir, basename(path));
      return removed;
    },
    async preserveCorrupt() {
      await checkHome();
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch {
        return null;
      }
      try {
        parseAuthDotJson(bytes.toString('utf8'), path);
        return null;
      } catch (error) {
        if (!(error instanceof AuthStoreError)) return null;
      }
      // The copy holds whatever secrets the broken file had: private from its first byte.
      const copy = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
      await createPrivateFile(copy, bytes).catch((cause) => {
        throw io(copy, 'write', cause);
      });
      return copy;
    },
  };
}
