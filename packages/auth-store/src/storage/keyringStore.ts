import { AuthStoreError } from '../errors.js';
import type { AuthDotJson } from '../model/authDotJson.js';
import { parseAuthDotJson, serializeAuthDotJson } from '../model/authDotJson.js';
import { checkStoredValues } from '../model/credentialValues.js';
import { scrubCause, secretValues } from '../model/scrubCause.js';
import { canonicalHome, keyringAccount } from './home.js';
import type { KeyringLoader, KeyringModule } from './keyringBackend.js';
import {
  DEFAULT_CHUNK,
  ENTRY_OPTIONS,
  joinValue,
  loadNativeKeyring,
  partAccount,
  splitValue,
} from './keyringBackend.js';

/**
 * Codex's keyring service name.
 * @public
 */
export const DEFAULT_KEYRING_SERVICE = 'Codex Auth';

export interface KeyringStoreOptions {
  home: string;
  keyringService?: string | undefined;
  /** Values longer than this many characters are split over several entries (default: per platform). */
  keyringChunkSize?: number | undefined;
  /** Replaces the native module loader (tests). */
  loadKeyring?: KeyringLoader | undefined;
}

/** auth.json kept as one compact JSON value in the OS keyring. */
export interface KeyringStore {
  readonly kind: 'keyring';
  load(): Promise<AuthDotJson | null>;
  save(auth: AuthDotJson): Promise<void>;
  delete(): Promise<boolean>;
}

function unavailable(service: string, cause: unknown): AuthStoreError {
  return new AuthStoreError(
    'KEYRING_UNAVAILABLE',
    `the OS keyring (service "${service}") is not available; on Linux a Secret Service such as gnome-keyring must be running on the session bus`,
    { cause },
  );
}

/**
 * Creates the keyring store. On Linux every entry is pinned to the Secret Service
 * ({@link ENTRY_OPTIONS}), so a missing Secret Service fails instead of falling back to the kernel
 * keyutils store; each write is also read back through the Secret Service before it counts.
 */
export function createKeyringStore(options: KeyringStoreOptions): KeyringStore {
  const service = options.keyringService ?? DEFAULT_KEYRING_SERVICE;
  const chunkSize = options.keyringChunkSize ?? DEFAULT_CHUNK;
  const load = options.loadKeyring ?? loadNativeKeyring;
  let mod: KeyringModule | undefined;

  async function native(): Promise<KeyringModule> {
    if (mod) return mod;
    try {
      mod = await load();
      return mod;
    } catch (cause) {
      throw unavailable(service, cause);
    }
  }

  async function entries(): Promise<Map<string, string>> {
    const keyring = await native();
    try {
      const found = await keyring.findCredentialsAsync(service);
      return new Map(found.map((c) => [c.account, c.password]));
    } catch (cause) {
      throw unavailable(service, cause);
    }
  }

  async function account(): Promise<string> {
    return keyringAccount(await canonicalHome(options.home));
  }

  async function remove(keyring: KeyringModule, name: string): Promise<void> {
    await new keyring.AsyncEntry(service, name, ENTRY_OPTIONS).deleteCredential().catch(() => false);
  }

  return {
    kind: 'keyring',
    async load() {
      const name = await account();
      const all = await entries();
      const main = all.get(name);
      if (main === undefined) return null;
      const label = `keyring entry "${service}" / "${name}"`;
      const value = joinValue(main, (i) => all.get(partAccount(name, i)), label);
      const dot = parseAuthDotJson(value, label, 'KEYRING_CORRUPT');
      checkStoredValues(dot, label);
      return dot;
    },
    async save(auth) {
      const name = await account();
      checkStoredValues(auth, `keyring entry "${service}" / "${name}"`);
      const before = await entries();
      const keyring = await native();
      const values = splitValue(serializeAuthDotJson(auth, false), chunkSize);
      const written: Array<[string, string]> = values.map((v, i) => [
        i === 0 ? name : partAccount(name, i),
        v,
      ]);
      try {
        // Parts first, the main entry last: a reader never sees a marker whose parts are missing.
        for (const [entryName, value] of [...written.slice(1), ...written.slice(0, 1)]) {
          await new keyring.AsyncEntry(service, entryName, ENTRY_OPTIONS).setPassword(value);
        }
      } catch (cause) {
        throw new AuthStoreError('KEYRING_FAILED', `cannot write keyring entry "${service}" / "${name}"`, {
          cause: scrubCause(cause, [...secretValues(auth), ...values]),
        });
      }
      const after = await entries();
      if (written.some(([entryName, value]) => after.get(entryName) !== value)) {
        for (const [entryName] of written) if (!after.has(entryName)) await remove(keyring, entryName);
        throw unavailable(service, new Error('entry did not land in the Secret Service'));
      }
      for (const stale of before.keys()) {
        if (stale.startsWith(`${name}|part`) && !written.some(([n]) => n === stale))
          await remove(keyring, stale);
      }
    },
    async delete() {
      const name = await account();
      const all = await entries();
      const keyring = await native();
      const mine = [...all.keys()].filter((n) => n === name || n.startsWith(`${name}|part`));
      for (const entryName of mine) await remove(keyring, entryName);
      return all.has(name);
    },
  };
}
