import { untilAborted } from '@x/auth-seam';
import { ensureRun } from './singleFlight.js';
import type { SourceState } from './sourceState.js';
import { isExpiring, isServable, missReason } from './tokenCache.js';

/**
 * The cached token, or one fresh from the run shared by every concurrent caller. When `signal`
 * aborts, this call rejects at once with its reason; the run goes on for the others.
 */
export async function getToken(state: SourceState, signal?: AbortSignal | undefined): Promise<string> {
  const now = state.options.now();
  const entry = state.cached;
  // An aborted caller gets the abort reason at once, even when a token is cached.
  if (signal?.aborted) throw signal.reason;
  if (isServable(entry, now)) {
    state.emit({ type: 'cache-hit', command: state.label });
    if (isExpiring(entry, now) && state.inflight === undefined && state.backoff.pending() === undefined) {
      // Refresh in the background; a failure is recorded (backoff, events) and the token still served.
      ensureRun(state, 'expiring').catch(() => undefined);
    }
    return entry.token;
  }
  const reason = missReason(entry);
  state.emit({ type: 'cache-miss', command: state.label, reason });
  const fresh = await untilAborted(ensureRun(state, reason), signal);
  return fresh.token;
}
