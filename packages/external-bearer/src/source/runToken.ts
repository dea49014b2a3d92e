import { CommandTokenError } from '../errors.js';
import { interpretRun } from '../output/interpretRun.js';
import { safeCause } from '../output/safeCause.js';
import type { RawRun } from '../run/rawRun.js';
import { resolveCommand } from '../run/resolveCommand.js';
import { runCommand } from '../run/runCommand.js';
import type { SourceState } from './sourceState.js';
import { type CachedToken, cacheEntry } from './tokenCache.js';

interface ExitInfo {
  durationMs: number;
  exitCode?: number | undefined;
  signal?: string | undefined;
}

function exitInfoOf(raw: RawRun): ExitInfo {
  const info: ExitInfo = { durationMs: raw.durationMs };
  if (raw.kind === 'exited') {
    if (raw.exitCode !== undefined) info.exitCode = raw.exitCode;
    if (raw.signal !== undefined) info.signal = raw.signal;
  }
  return info;
}

/**
 * One run of the command: on success the new token is cached and the backoff reset; on failure
 * the failure is counted and backed off, and a CommandTokenError thrown. Either way `run-end`
 * (and after a failure `backoff`) is emitted; `run-start` is the single-flight's to emit.
 */
export async function runToken(state: SourceState, run: number): Promise<CachedToken> {
  const { options, label } = state;
  // Listeners hear `run-start` before any work begins, and may call back in: they join this run.
  await Promise.resolve();
  let exitInfo: ExitInfo = { durationMs: 0 };
  try {
    const file = await resolveCommand(options.command, options.cwd, options.childEnv);
    const raw = await runCommand({ ...options, file });
    exitInfo = exitInfoOf(raw);
    const secrets =
      state.cached === undefined ? state.childEnvSecrets : [state.cached.token, ...state.childEnvSecrets];
    const minted = interpretRun(raw, { ...options, label, now: options.now(), secrets });
    state.cached = cacheEntry(minted, options.now(), options.refreshIntervalMs);
    state.backoff.succeeded();
    state.emit({ type: 'run-end', command: label, run, ok: true, ...exitInfo });
    return state.cached;
  } catch (error) {
    const typed =
      error instanceof CommandTokenError
        ? error
        : // not reached by process or output failures (those are typed); kept for unexpected bugs
          new CommandTokenError('SPAWN_FAILED', `provider auth command \`${label}\` failed to start`, {
            cause: safeCause(error, 'unexpected failure'),
          });
    state.failures++;
    const { failures, delayMs } = state.backoff.failed(typed);
    const excerpt = typed.stderrExcerpt === undefined ? {} : { stderrExcerpt: typed.stderrExcerpt };
    state.emit({
      type: 'run-end',
      command: label,
      run,
      ok: false,
      code: typed.code,
      ...exitInfo,
      ...excerpt,
    });
    state.emit({ type: 'backoff', command: label, failures, delayMs, code: typed.code });
    throw typed;
  } finally {
    state.inflight = undefined;
  }
}
