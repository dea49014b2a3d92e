import { refuse } from './refuse.js';

// RFC 3339 date-time (section 5.6), e.g. 2026-01-02T03:04:05Z or 2026-01-02T03:04:05.123+01:00.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
/** Epoch values above this are milliseconds: as seconds they would lie beyond the year 33000. */
const MILLISECONDS_ABOVE = 1e12;
/** Expiries outside these bounds are refused: no real token helper states them, and a Date cannot show all of them. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(10000, 0, 1) - 1;

function fromEpoch(value: number, label: string): number {
  if (!Number.isFinite(value) || value <= 0) {
    return refuse('INVALID_EXPIRY', label, 'wrote an expiry that is not a finite positive epoch');
  }
  return value > MILLISECONDS_ABOVE ? value : value * 1000;
}

/**
 * Reads an output's expiry (`expires_at`, `status.expirationTimestamp`) as epoch milliseconds:
 * an RFC 3339 date-time, or an epoch number or digit string in seconds (milliseconds when above
 * 1e12). Absent (undefined or null) gives undefined. Unreadable values fail with INVALID_JSON;
 * non-finite, non-positive and out-of-range ones (before 2000 or after 9999) with INVALID_EXPIRY.
 * Messages never quote the value.
 */
export function parseExpiry(value: unknown, label: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  let epochMs: number | undefined;
  if (typeof value === 'number') epochMs = fromEpoch(value, label);
  else if (typeof value === 'string' && NUMERIC.test(value)) epochMs = fromEpoch(Number(value), label);
  else if (typeof value === 'string' && RFC3339.test(value)) {
    const parsed = Date.parse(value.replace(' ', 'T'));
    if (!Number.isNaN(parsed)) epochMs = parsed;
  }
  if (epochMs === undefined) {
    return refuse('INVALID_JSON', label, 'wrote an expiry that is neither RFC 3339 nor an epoch number');
  }
  if (epochMs < EARLIEST || epochMs > LATEST) {
    return refuse('INVALID_EXPIRY', label, 'wrote an expiry outside the years 2000 to 9999');
  }
  return epochMs;
}
