import { bearerOf, type FailedResponse, type HttpRequest } from '@x/auth-seam';
import { getToken } from './getToken.js';
import { ensureRun } from './singleFlight.js';
import type { SourceState } from './sourceState.js';

/** The 401 path: runs the command only if `staleToken` is still the cached token (or none is given). */
export async function refresh(state: SourceState, staleToken?: string | undefined): Promise<string> {
  const entry = state.cached;
  // Kubernetes' rule: a stale token that is no longer the cached one was already replaced.
  if (entry === undefined || (staleToken !== undefined && entry.token !== staleToken)) return getToken(state);
  if (state.inflight !== undefined) return (await state.inflight).token;
  entry.rejected = true;
  return (await ensureRun(state, 'unauthorized')).token;
}

/**
 * After a 401, refreshes with the token the failed `request` sent as the stale one (the token
 * last handed out when no request is given); true when a retry makes sense. Any other status,
 * 400 and 403 included, is nothing a new token mends: false, and nothing runs.
 */
export async function recover(
  state: SourceState,
  response: FailedResponse,
  request?: HttpRequest | undefined,
): Promise<boolean> {
  if (response.status !== 401) return false;
  // The token this request carried: with concurrent requests, the last one handed out may be
  // a newer token that another request's recovery already fetched (refreshing it would waste it).
  const sent = (request === undefined ? undefined : bearerOf(request.headers)) ?? state.lastSent;
  const fresh = await refresh(state, sent);
  // The same token again would only earn the same 401.
  return fresh !== sent;
}
