import { readFile, stat, unlink } from 'node:fs/promises';
import type { AuthDotJson } from './authDotJson.js';
import { parseAuthDotJson, serializeAuthDotJson } from './authDotJson.js';
import { AuthStoreError } from './authStoreError.js';
import { writeFileAtomic } from './internal/atomicWrite.js';
import { authFilePath, ensureHome, tighten } from './internal/home.js';
import { createPrivateFile } from './internal/privateFile.js';

/** `<home>/auth.json`, written atomically with mode 0600 in a 0700 folder. */
export interface FileStore {
  readonly kind: 'file';
  readonly path: string;
  load(): Promise<AuthDotJson | null>;
  save(auth: AuthDotJson): Promise<void>;
  delete(): Promise<boolean>;
  /** Copies an unreadable auth.json aside (`auth.json.corrupt-<time>`) and returns the copy's path. */
  preserveCorrupt(): Promise<string | null>;
}

function io(path: string, verb: string, cause: unknown): AuthStoreError {
  return new AuthStoreError('AUTH_FILE_IO', `cannot ${verb} ${path}`, { cause });
}

export function createFileStore(options: { home: string }): FileStore {
  const path = authFilePath(options.home);
  return {
    kind: 'file',
    path,
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw io(path, 'read', cause);
      }
      const info = await stat(path).catch(() => null);
      if (info && process.platform !== 'win32' && (info.mode & 0o077) !== 0) await tighten(path, 0o600);
      return parseAuthDotJson(text, path);
    },
    async save(auth) {
      await ensureHome(options.home);
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
    async preserveCorrupt() {
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
