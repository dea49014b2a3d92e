/** Stop serving a token this long before its stated expiry (at most a tenth of its lifetime). */
const EXPIRY_MARGIN_MS = 30_000;
/** Start a background run this long before the token stops being served (at most a quarter of its time). */
const REFRESH_LEAD_MS = 120_000;

export interface Deadlines {
  /** From here on a cache hit also starts a background run, while the token is still served. */
  softAt?: number | undefined;
  /** From here on the token is no longer served; callers wait for a new run. */
  hardAt?: number | undefined;
}

/**
 * When a token obtained at `obtainedAt` must be refreshed: after `refreshIntervalMs` (Codex's
 * "reused while younger than this", 0 = never) and shortly before `expiresAt`, whichever comes
 * first. The background lead follows the Azure token cycler and botocore (refresh ahead while
 * serving the current token).
 */
export function deadlines(
  obtainedAt: number,
  expiresAt: number | undefined,
  refreshIntervalMs: number,
): Deadlines {
  let hardAt: number | undefined = refreshIntervalMs > 0 ? obtainedAt + refreshIntervalMs : undefined;
  if (expiresAt !== undefined) {
    const margin = Math.min(EXPIRY_MARGIN_MS, (expiresAt - obtainedAt) / 10);
    const stopAt = expiresAt - margin;
    hardAt = hardAt === undefined ? stopAt : Math.min(hardAt, stopAt);
  }
  if (hardAt === undefined) return {};
  const lead = Math.min(REFRESH_LEAD_MS, (hardAt - obtainedAt) / 4);
  return { softAt: hardAt - lead, hardAt };
}
