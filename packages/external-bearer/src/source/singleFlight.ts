import type { RefreshReason } from '../events.js';
import { runToken } from './runToken.js';
import type { SourceState } from './sourceState.js';
import type { CachedToken } from './tokenCache.js';

/**
 * Joins the run under way, or starts one unless a recent failure is still backing off (then the
 * last error is handed back without a run).
 */
export function ensureRun(state: SourceState, reason: RefreshReason): Promise<CachedToken> {
  if (state.inflight !== undefined) return state.inflight;
  const pending = state.backoff.pending();
  if (pending !== undefined) {
    state.emit({
      type: 'backoff-rejected',
      command: state.label,
      retryInMs: pending.retryInMs,
      code: pending.error.code,
    });
    return Promise.reject(pending.error);
  }
  const run = ++state.runs;
  const started = runToken(state, run);
  // Registered before any listener hears of the run, so a listener calling getToken() or
  // refresh() joins it instead of starting a second one.
  state.inflight = started;
  // Callers that gave up (signal) or background runs must not leave an unhandled rejection behind.
  started.catch(() => undefined);
  state.emit({ type: 'run-start', command: state.label, reason, run });
  return started;
}
