import type { AuthStoreErrorCode } from '../errors.js';
import { AuthStoreError } from '../errors.js';
import type { AuthDotJson } from '../model/authDotJson.js';
import { createEphemeralStore } from './ephemeralStore.js';
import { createFileStore } from './fileStore.js';
import type { KeyringLoader } from './keyringBackend.js';
import { createKeyringStore } from './keyringStore.js';

/**
 * Where credentials live: Codex's `cli_auth_credentials_store` values.
 * @public
 */
export type StoreMode = 'file' | 'keyring' | 'auto' | 'ephemeral';

/**
 * A non-fatal event, e.g. the keyring was unavailable and `auto` used the file.
 * @public
 */
export interface AuthWarning {
  /**
   * What happened, as the code an error for it would carry (`KEYRING_UNAVAILABLE`, `AUTH_FILE_CORRUPT`...).
   */
  code: AuthStoreErrorCode;
  /** What happened and what was done instead, naming files but never their content. */
  message: string;
}

/**
 * Options of `createAuthStore`.
 * @public
 */
export interface AuthStoreOptions {
  /** The folder holding auth.json; also names the keyring entry. */
  home: string;
  /** Default `file`. */
  mode?: StoreMode | undefined;
  /** Keyring service name (default Codex's "Codex Auth"). */
  keyringService?: string | undefined;
  /** Split keyring values longer than this many characters (default: per platform). */
  keyringChunkSize?: number | undefined;
  /** Hears when `auto` mode could not use the keyring and used auth.json instead. */
  onWarning?: ((warning: AuthWarning) => void) | undefined;
  /** Use auth.json even in a home another user owns or can write to (refused with UNSAFE_HOME by default). */
  allowUnsafeHome?: boolean | undefined;
  /** Replaces the lazy `@napi-rs/keyring` import (another keyring binding, or a fake in tests). */
  loadKeyring?: KeyringLoader | undefined;
}

/**
 * Where auth.json's document is kept: the file, the OS keyring, either, or memory.
 * @public
 */
export interface AuthStore {
  /** The mode the store was created with (`auto` stays `auto` whichever backend answered). */
  readonly mode: StoreMode;
  /**
   * Reads and checks the stored document; null when none is stored, AUTH_FILE_CORRUPT or KEYRING_CORRUPT when
   * unreadable.
   */
  load(): Promise<AuthDotJson | null>;
  /** Replaces the stored document: auth.json written atomically with mode 0600, or the keyring entry. */
  save(auth: AuthDotJson): Promise<void>;
  /** Removes the credentials; resolves whether anything was removed. */
  delete(): Promise<boolean>;
}

/**
 * Creates a credential store with Codex's semantics for each mode: `file` is auth.json; `keyring`
 * the OS keyring (its delete also removes a leftover auth.json); `auto` the keyring, falling back to
 * the file with a warning; `ephemeral` this process's memory.
 * @public
 */
export function createAuthStore(options: AuthStoreOptions): AuthStore {
  const mode = options.mode ?? 'file';
  if (!['file', 'keyring', 'auto', 'ephemeral'].includes(mode)) {
    throw new AuthStoreError('INVALID_OPTION', `store mode must be file, keyring, auto or ephemeral`);
  }
  if (mode === 'ephemeral') return createEphemeralStore(options.home);
  const file = createFileStore({
    home: options.home,
    allowUnsafeHome: options.allowUnsafeHome,
  });
  if (mode === 'file') return { mode, load: file.load, save: file.save, delete: file.delete };
  const keyring = createKeyringStore({
    home: options.home,
    keyringService: options.keyringService,
    keyringChunkSize: options.keyringChunkSize,
    loadKeyring: options.loadKeyring,
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
