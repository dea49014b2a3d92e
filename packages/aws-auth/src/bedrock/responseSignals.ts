import { type FailedResponse, isRecoverableStatus } from '@x/auth-seam';
import { headerValue } from '../headerNames.js';

// Error codes AWS services use when the request time is too far from theirs (the list the AWS SDK's
// retry logic treats as clock skew), and the texts of SigV4 "signature expired" failures.
const SKEW =
  /RequestTimeTooSkewed|RequestExpired|RequestInTheFuture|Signature expired|Signature not yet current|too skewed/i;

// 403 bodies that say the credentials or token themselves were rejected.
const BAD_TOKEN =
  /ExpiredToken|InvalidToken|InvalidClientTokenId|UnrecognizedClient|security token included in the request is (?:invalid|expired)|token (?:has )?expired|expired token|invalid (?:api key|token|bearer)/i;

/** Five minutes: AWS rejects requests whose time is further than this from the server's. */
export const SKEW_LIMIT_MS = 5 * 60_000;

/** The server's time from its `Date` header in ms, or NaN. */
export function serverTimeOf(response: FailedResponse): number {
  const date = headerValue(response.headers, 'date');
  return date === undefined ? Number.NaN : Date.parse(date);
}

/** Server time minus our (corrected) time, when the response says the clock is off. */
export function clockSkewFrom(response: FailedResponse, ourTime: number): number | undefined {
  if (!isRecoverableStatus(response.status)) return undefined;
  const serverTime = serverTimeOf(response);
  if (!Number.isFinite(serverTime)) return undefined;
  const offset = serverTime - ourTime;
  const said = SKEW.test(response.bodyText ?? '');
  return said || Math.abs(offset) >= SKEW_LIMIT_MS ? offset : undefined;
}

/** 401, or a 403 naming an expired or invalid token / credentials. */
export function credentialsRejected(response: FailedResponse): boolean {
  if (response.status === 401) return true;
  return response.status === 403 && BAD_TOKEN.test(response.bodyText ?? '');
}
