import { AuthStoreError } from '../errors.js';
import type { AuthDotJson } from '../model/authDotJson.js';
import { createFileStore } from './fileStore.js';
import { canonicalHome } from './home.js';
import type { KeyringLoader } from './keyringBackend.js';
import { createKeyringStore } from './keyringStore.js';

/** Where credentials live: Codex's `cli_auth_credentials_store` values. */
export type StoreMode = 'file' | 'keyring' | 'auto' | 'ephemeral';

/** A non-fatal event, e.g. the keyring was unavailable and `auto` used the file. */
export interface AuthWarning {
  code: string;
  message: string;
}

export interface AuthStoreOptions {
  home: string;
  /** Default `file`. */
  mode?: StoreMode;
  /** Keyring service name (default Codex's "Codex Auth"). */
  keyringService?: string;
  /** Split keyring values longer than this many characters (default: per platform). */
  keyringChunkSize?: number;
  onWarning?: (warning: AuthWarning) => void;
  /** Use auth.json even in a home another user owns or can write to (refused with UNSAFE_HOME by default). */
  allowUnsafeHome?: boolean;
  /** Replaces the lazy `@napi-rs/keyring` import (tests of a missing native module). */
  loadKeyring?: KeyringLoader;
}

export interface AuthStore {
  readonly mode: StoreMode;
  load(): Promise<AuthDotJson | null>;
  save(auth: AuthDotJson): Promise<void>;
  /** Removes the credentials; resolves whether anything was removed. */
  delete(): Promise<boolean>;
}

// Ephemeral credentials are per process, keyed by canonical home, like Codex's in-memory store.
const memory = new Map<string, AuthDotJson>();

function ephemeralStore(home: string): AuthStore {
  return {
    mode: 'ephemeral',
    load: async () => structuredClone(memory.get(await canonicalHome(home)) ?? null),
    save: async (auth) => {
      memory.set(await canonicalHome(home), structuredClone(auth));
    },
    delete: async () => memory.delete(await canonicalHome(home)),
  };
}

/** Creates a credential store with Codex's semantics for each mode (REFERENCE.md section 2). */
export function createAuthStore(options: AuthStoreOptions): AuthStore {
  const mode = options.mode ?? 'file';
  if (!['file', 'keyring', 'auto', 'ephemeral'].includes(mode)) {
    throw new AuthStoreError('INVALID_OPTION', `store mode must be file, keyring, auto or ephemeral`);
  }
  if (mode === 'ephemeral') return ephemeralStore(options.home);
  const file = createFileStore({
    home: options.home,
    ...(options.allowUnsafeHome !== undefined && { allowUnsafeHome: options.allowUnsafeHome }),
  });
  if (mode === 'file') return { mode, load: file.load, save: file.save, delete: file.delete };
  const keyring = createKeyringStore({
    home: options.home,
    ...(options.keyringService !== undefined && { keyringService: options.keyringService }),
    ...(options.keyringChunkSize !== undefined && { keyringChunkSize: options.keyringChunkSize }),
    ...(options.loadKeyring !== undefined && { loadKeyring: options.loadKeyring }),
  });
  if (mode === 'keyring') {
    return {
      mode,
      load: keyring.load,
      save: keyring.save,
      async delete() {
        // Codex's keyring store also removes a leftover auth.json.
        const fromKeyring = await keyring.delete();
        return (await file.delete()) || fromKeyring;
      },
    };
  }
  const warn = (error: unknown, fallback: string): void => {
    const code = error instanceof AuthStoreError ? error.code : 'KEYRING_FAILED';
    options.onWarning?.({ code, message: `keyring not usable (${code}); ${fallback}` });
  };
  return {
    mode,
    async load() {
      try {
        const found = await keyring.load();
        if (found) return found;
      } catch (error) {
        if (error instanceof AuthStoreError && error.code === 'KEYRING_CORRUPT') throw error;
        warn(error, `reading ${file.path}`);
      }
      return file.load();
    },
    async save(auth) {
      try {
        await keyring.save(auth);
      } catch (error) {
        warn(error, `saving to ${file.path}`);
        await file.save(auth);
        return;
      }
      await file.delete();
    },
    async delete() {
      let fromKeyring = false;
      try {
        fromKeyring = await keyring.delete();
      } catch (error) {
        warn(error, `deleting ${file.path} only`);
      }
      return (await file.delete()) || fromKeyring;
    },
  };
}
