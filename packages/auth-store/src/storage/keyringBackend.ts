import { createHash } from 'node:crypto';
import { AuthStoreError } from '../errors.js';

/**
 * The subset of `@napi-rs/keyring` the keyring store uses.
 * @public
 */
export interface KeyringModule {
  /** One keyring entry (service, account); `linux.store` picks the Linux backend. */
  AsyncEntry: new (
    service: string,
    account: string,
    options?: { linux?: { store?: 'secret-service' | 'keyutils' } },
  ) => {
    setPassword(password: string): Promise<void>;
    getPassword(): Promise<string | undefined | null>;
    deleteCredential(): Promise<boolean>;
  };
  /**
   * Every entry of a service with its value: how the store reads a login's parts and checks that a write
   * landed.
   */
  findCredentialsAsync(service: string): Promise<Array<{ account: string; password: string }>>;
}

/**
 * Loads the keyring module; the default imports `@napi-rs/keyring` on first use.
 * @public
 */
export type KeyringLoader = () => Promise<KeyringModule>;

/**
 * Entry options pinning Linux entries to the Secret Service: without them the native module falls
 * back to the kernel keyutils store, which is memory-only and leaves orphans (keyring-node
 * `LinuxEntryOptions.store`, added in 2.x). Ignored on macOS and Windows.
 */
export const ENTRY_OPTIONS = { linux: { store: 'secret-service' } } as const;

/** Loads the native module only when a keyring store is used, so the file store works without it. */
export const loadNativeKeyring: KeyringLoader = async () => {
  const mod: unknown = await import('@napi-rs/keyring');
  return mod as KeyringModule;
};

// Windows Credential Manager caps a blob at 2560 bytes of UTF-16; other stores take far more.
export const DEFAULT_CHUNK = process.platform === 'win32' ? 1200 : 64 * 1024;
const MARKER = 'x-auth-store:chunks:';

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}

/** Splits a value into the main entry plus numbered parts when it exceeds `chunkSize`. */
export function splitValue(value: string, chunkSize: number): string[] {
  if (value.length <= chunkSize) return [value];
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += chunkSize) parts.push(value.slice(i, i + chunkSize));
  return [`${MARKER}${parts.length}:${digest(value)}`, ...parts];
}

/** Joins what {@link splitValue} wrote; `lookup(i)` reads part i (1-based). */
export function joinValue(
  main: string,
  lookup: (index: number) => string | undefined,
  label: string,
): string {
  if (!main.startsWith(MARKER)) return main;
  const [countText, expected] = main.slice(MARKER.length).split(':');
  const count = Number(countText);
  let joined = '';
  for (let i = 1; i <= count; i++) {
    const part = lookup(i);
    if (part === undefined)
      throw new AuthStoreError('KEYRING_CORRUPT', `${label} is missing part ${i} of ${count}`);
    joined += part;
  }
  if (digest(joined) !== expected) throw new AuthStoreError('KEYRING_CORRUPT', `${label} parts do not match`);
  return joined;
}

export function partAccount(account: string, index: number): string {
  return `${account}|part${index}`;
}
