import { jwtExpiry } from '../model/jwt.js';

const FIVE_MINUTES = 5 * 60_000;
const EIGHT_DAYS = 8 * 24 * 60 * 60_000;

/**
 * Proactive refresh rule from Codex: the access token's `exp` is within 5 minutes, or, when no
 * `exp` can be read, `last_refresh` is older than 8 days (or missing).
 * @public
 */
export function needsProactiveRefresh(
  accessToken: string,
  lastRefresh: string | null | undefined,
  now: number,
): boolean {
  const exp = jwtExpiry(accessToken);
  if (exp !== null) return exp - now <= FIVE_MINUTES;
  const last = lastRefresh ? Date.parse(lastRefresh) : Number.NaN;
  return Number.isNaN(last) || now - last > EIGHT_DAYS;
}
