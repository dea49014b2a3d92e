import { type FailedResponse, type HttpRequest, isRecoverableStatus } from '@x/auth-seam';
import { parseAmzDateHeader } from '../sigv4/amzDate.js';
import type { BedrockSource } from './bedrockSource.js';
import { clockSkewFrom, credentialsRejected, SKEW_LIMIT_MS, serverTimeOf } from './responseSignals.js';

// A recovery step is taken at most once in this window, so a retry that fails again gives up.
const RECOVERY_WINDOW_MS = 60_000;

/** Clock-skew and credential-refresh state of one BedrockAuth. */
export interface Recovery {
  /** Milliseconds to add to the local clock when signing. */
  skewMs(): number;
  /** True once: the next bearer token must be fetched with `forceRefresh`. */
  takeForceToken(): boolean;
  /** Remembers the bearer header last sent, to tell stale requests from current ones. */
  noteBearer(header: string): void;
  recover(response: FailedResponse, request?: HttpRequest): Promise<boolean>;
}

/** The request's time is off from the server's, but our corrected clock no longer is. */
function signedBeforeSkewFix(
  response: FailedResponse,
  request: HttpRequest | undefined,
  ourTime: number,
): boolean {
  if (!isRecoverableStatus(response.status)) return false;
  const serverTime = serverTimeOf(response);
  const signedAt = parseAmzDateHeader(request?.headers?.['x-amz-date']);
  if (!Number.isFinite(serverTime) || !Number.isFinite(signedAt)) return false;
  return Math.abs(serverTime - signedAt) >= SKEW_LIMIT_MS && Math.abs(serverTime - ourTime) < SKEW_LIMIT_MS;
}

export function createRecovery(source: BedrockSource, now: () => number): Recovery {
  let skewMs = 0;
  let lastSkewFix = Number.NEGATIVE_INFINITY;
  let lastRefresh = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<unknown> | undefined;
  let forceToken = false;
  let lastBearer: string | undefined;

  // A request authorized before the last refresh can simply be retried with the new credentials
  // (the Kubernetes exec-plugin rule: refresh only if the failing credentials are still current).
  const stale = (request: HttpRequest | undefined): boolean => {
    const headers = request?.headers ?? {};
    if (source.kind === 'bearer') return lastBearer !== undefined && headers.authorization !== lastBearer;
    const signedAt = parseAmzDateHeader(headers['x-amz-date']);
    return signedAt + 1000 <= lastRefresh + skewMs;
  };

  async function recover(response: FailedResponse, request?: HttpRequest): Promise<boolean> {
    const at = now();
    if (source.kind === 'sigv4') {
      const offset = clockSkewFrom(response, at + skewMs);
      if (offset !== undefined && at - lastSkewFix >= RECOVERY_WINDOW_MS) {
        lastSkewFix = at;
        skewMs += offset;
        return true;
      }
      // A request signed with the clock as it was before a correction (a concurrent one) is retried.
      if (signedBeforeSkewFix(response, request, at + skewMs)) return true;
    }
    if (!credentialsRejected(response) || !source.refreshable) return false;
    if (refreshing) {
      await refreshing; // concurrent failures share one refresh
      return true;
    }
    if (forceToken || (request !== undefined && stale(request))) return true;
    if (at - lastRefresh < RECOVERY_WINDOW_MS) return false;
    lastRefresh = at;
    if (source.kind === 'bearer') {
      forceToken = true;
      return true;
    }
    refreshing = source.credentials({ forceRefresh: true }).finally(() => {
      refreshing = undefined;
    });
    await refreshing;
    return true;
  }

  return {
    skewMs: () => skewMs,
    takeForceToken: () => {
      const force = forceToken;
      forceToken = false;
      return force;
    },
    noteBearer: (header) => {
      lastBearer = header;
    },
    recover,
  };
}
