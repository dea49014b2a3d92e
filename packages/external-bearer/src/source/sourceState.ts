import type { CommandTokenEvent } from '../events.js';
import type { ResolvedOptions } from '../options.js';
import { type Backoff, createBackoff } from './backoff.js';
import { eventEmitter } from './eventEmitter.js';
import type { CachedToken } from './tokenCache.js';

/** What one token source knows between calls; each part of the source works on it. */
export interface SourceState {
  readonly options: ResolvedOptions;
  /** How the command is named in messages and events. */
  readonly label: string;
  readonly emit: (event: CommandTokenEvent) => void;
  readonly backoff: Backoff;
  /** Values added to the child's environment that are long enough to be secrets (cut from stderr). */
  readonly childEnvSecrets: readonly string[];
  cached: CachedToken | undefined;
  /** The run under way, shared by every caller. */
  inflight: Promise<CachedToken> | undefined;
  runs: number;
  failures: number;
  /** The token last handed out by authorize(). */
  lastSent: string | undefined;
}

/** A fresh state: nothing cached, no run yet. */
export function createSourceState(options: ResolvedOptions): SourceState {
  return {
    options,
    label: options.command,
    emit: eventEmitter(options.onEvent),
    backoff: createBackoff({
      initialMs: options.backoffInitialMs,
      maxMs: options.backoffMaxMs,
      now: options.now,
      random: options.random,
    }),
    childEnvSecrets: Object.values(options.childEnv).filter((value) => value.length >= 8),
    cached: undefined,
    inflight: undefined,
    runs: 0,
    failures: 0,
    lastSent: undefined,
  };
}
