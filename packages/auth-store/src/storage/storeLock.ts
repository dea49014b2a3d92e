import type { StoreMode } from './authStore.js';
import { withFileLock } from './fileLock.js';
import { authFilePath, ensureHome } from './home.js';

/** The cross-process lock that login, logout and token refresh hold around the store. */
export interface StoreLock {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * Locks `<home>/auth.json.lock` (creating the home first), for every store mode that outlives the
 * process; an ephemeral store lives in this process only and needs no lock.
 */
export function createStoreLock(home: string, mode: StoreMode): StoreLock {
  const path = `${authFilePath(home)}.lock`;
  return {
    async run(fn) {
      if (mode === 'ephemeral') return fn();
      await ensureHome(home);
      return withFileLock(path, fn);
    },
  };
}
