import type { AuthResponse } from '../credentials/awsCredentials.js';

export function responseHeader(response: AuthResponse, name: string): string | undefined {
  const headers = response.headers;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : record[key];
}

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
export function serverTimeOf(response: AuthResponse): number {
  const date = responseHeader(response, 'date');
  return date === undefined ? Number.NaN : Date.parse(date);
}

/** Server time minus our (corrected) time, when the response says the clock is off. */
export function clockSkewFrom(response: AuthResponse, ourTime: number): number | undefined {
  if (response.status !== 401 && response.status !== 403 && response.status !== 400) return undefined;
  const serverTime = serverTimeOf(response);
  if (!Number.isFinite(serverTime)) return undefined;
  const offset = serverTime - ourTime;
  const said = SKEW.test(response.body ?? '');
  return said || Math.abs(offset) >= SKEW_LIMIT_MS ? offset : undefined;
}

/** 401, or a 403 naming an expired or invalid token / credentials. */
export function credentialsRejected(response: AuthResponse): boolean {
  if (response.status === 401) return true;
  return response.status === 403 && BAD_TOKEN.test(response.body ?? '');
}
