import type { RefreshReason } from '../events.js';
import type { MintedToken } from '../output/parseOutput.js';
import { deadlines } from './deadlines.js';

/** The token a source holds in memory, with the times it must be refreshed. */
export interface CachedToken {
  token: string;
  expiresAt?: number | undefined;
  /** From here on a cache hit also starts a background run. */
  softAt?: number | undefined;
  /** From here on the token is no longer served. */
  hardAt?: number | undefined;
  /** Set by refresh(): the server rejected it, so it is kept only to compare stale tokens. */
  rejected: boolean;
}

/** The cache entry for a token obtained at `obtainedAt`. */
export function cacheEntry(minted: MintedToken, obtainedAt: number, refreshIntervalMs: number): CachedToken {
  return { ...minted, ...deadlines(obtainedAt, minted.expiresAt, refreshIntervalMs), rejected: false };
}

/** True when `entry` may still be handed out at `now`. */
export function isServable(entry: CachedToken | undefined, now: number): entry is CachedToken {
  return entry !== undefined && !entry.rejected && (entry.hardAt === undefined || now < entry.hardAt);
}

/** True when a served `entry` is close enough to its end that a background run should start. */
export function isExpiring(entry: CachedToken, now: number): boolean {
  return entry.softAt !== undefined && now >= entry.softAt;
}

/** Why a run is needed when `entry` cannot be served. */
export function missReason(entry: CachedToken | undefined): RefreshReason {
  if (entry === undefined) return 'cold';
  return entry.rejected ? 'unauthorized' : 'expired';
}
