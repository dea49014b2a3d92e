import type { AwsCredentials } from './awsCredentials.js';
import { type CredentialSource, labelled } from './credentialSource.js';

/**
 * Options of {@link memoize}.
 * @public
 */
export interface MemoizeOptions {
  /** Refresh this long before `expiration` (default 5 minutes). */
  refreshBeforeMs?: number | undefined;
  /** Clock, for tests. */
  now?: (() => number) | undefined;
}

/**
 * A memoized source; `forceRefresh: true` (after an auth failure) always asks the source again.
 * @public
 */
export type MemoizedSource = CredentialSource;

/**
 * Caches the source's credentials. Concurrent callers share one in-flight resolution (single-flight);
 * credentials with an `expiration` are refreshed `refreshBeforeMs` ahead of it; credentials without
 * one are kept for the life of the process (until a `forceRefresh`).
 * @public
 */
export function memoize(source: CredentialSource, options: MemoizeOptions = {}): MemoizedSource {
  const refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  let cached: AwsCredentials | undefined;
  type Load = { promise: Promise<AwsCredentials>; forced: boolean };
  let inFlight: Load | undefined;

  const fresh = (creds: AwsCredentials): boolean =>
    creds.expiration === undefined || creds.expiration.getTime() - now() > refreshBeforeMs;

  const load = (forced: boolean): Promise<AwsCredentials> => {
    if (inFlight && (inFlight.forced || !forced)) return inFlight.promise;
    // A forced refresh never joins an ordinary load (the source may answer that one from its own
    // cache): it runs after it, and later callers share the forced one.
    const ask = (): Promise<AwsCredentials> => source(forced ? { forceRefresh: true } : undefined);
    const before = inFlight?.promise;
    const entry: Load = {
      forced,
      promise: (before ? before.then(ask, ask) : ask())
        .then((creds) => {
          cached = creds;
          return creds;
        })
        .finally(() => {
          if (inFlight === entry) inFlight = undefined;
        }),
    };
    inFlight = entry;
    return entry.promise;
  };

  return labelled(source.source, (request) => {
    if (request?.forceRefresh) return load(true);
    if (cached && fresh(cached)) return Promise.resolve(cached);
    return load(false);
  });
}
