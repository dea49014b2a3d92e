import type { AwsCredentials, CredentialsRequestOptions } from '../types.js';
import { type CredentialSource, labelled } from './credentialSource.js';

export interface MemoizeOptions {
  /** Refresh this long before `expiration` (default 5 minutes). */
  refreshBeforeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** A memoized source; `forceRefresh: true` (after an auth failure) always asks the source again. */
export type MemoizedSource = CredentialSource;

/**
 * Caches the source's credentials. Concurrent callers share one in-flight resolution (single-flight);
 * credentials with an `expiration` are refreshed `refreshBeforeMs` ahead of it; credentials without
 * one are kept for the life of the process (until a `forceRefresh`).
 */
export function memoize(source: CredentialSource, options: MemoizeOptions = {}): MemoizedSource {
  const refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  let cached: AwsCredentials | undefined;
  let inFlight: Promise<AwsCredentials> | undefined;

  const fresh = (creds: AwsCredentials): boolean =>
    creds.expiration === undefined || creds.expiration.getTime() - now() > refreshBeforeMs;

  const load = (request: CredentialsRequestOptions | undefined): Promise<AwsCredentials> => {
    inFlight ??= source(request)
      .then((creds) => {
        cached = creds;
        return creds;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return labelled(source.source, (request) => {
    if (request?.forceRefresh) return load({ forceRefresh: true });
    if (cached && fresh(cached)) return Promise.resolve(cached);
    return load(undefined);
  });
}
