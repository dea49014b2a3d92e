import { isAbsolute } from 'node:path';
import { CommandTokenError, type CommandTokenErrorCode } from './errors.js';
import type { CommandTokenEvent } from './events.js';
import { safeCause } from './output/safeCause.js';

/**
 * Options of {@link createCommandTokenSource}. Field meanings follow Codex's
 * `[model_providers.<id>.auth]` (its `env` is `childEnv` here).
 * @public
 */
export interface CommandTokenSourceOptions {
  /** Bare name (looked up on PATH), relative path with a `/` (joined to `cwd`) or absolute path. */
  command: string;
  /** Passed as an argv array, never through a shell. Default `[]`. */
  args?: string[] | undefined;
  /** Kill the whole process tree after this many milliseconds. Must be > 0. Default 5000. */
  timeoutMs?: number | undefined;
  /** Reuse a token while younger than this; `0` = only refresh after a 401 (or expiry). Default 300000. */
  refreshIntervalMs?: number | undefined;
  /** Absolute working directory of the command. Default: `process.cwd()` when the source is created. */
  cwd?: string | undefined;
  /**
   * Variables added to the command's environment (on top of the current process environment); the
   * `PATH` here, when set, is also where a bare `command` is looked up. Codex's `auth.env`.
   */
  childEnv?: Record<string, string> | undefined;
  /** `'text'`: the trimmed stdout is the token. `'json'`: `{token, expires_at}` or a Kubernetes ExecCredential. */
  output?: 'text' | 'json' | undefined;
  /** Receives redacted events (runs, cache hits and misses, backoff). Errors it throws are ignored. */
  onEvent?: ((event: CommandTokenEvent) => void) | undefined;
  /** stdout cap in bytes; more output fails with `OUTPUT_TOO_LARGE`. Default 65536. */
  maxOutputBytes?: number | undefined;
  /** Backoff after failures: first delay and cap, in milliseconds. Defaults 1000 and 60000. */
  backoff?: { initialMs?: number | undefined; maxMs?: number | undefined } | undefined;
  /**
   * Clock in epoch milliseconds, for expiry, interval and backoff decisions. Default `Date.now`.
   * If it throws, the call fails with `CALLBACK_FAILED`.
   */
  now?: (() => number) | undefined;
  /** Source of jitter in [0, 1). Default `Math.random`. If it throws, the call fails with `CALLBACK_FAILED`. */
  random?: (() => number) | undefined;
}

/** The options with defaults applied and every field checked. */
export interface ResolvedOptions {
  command: string;
  args: string[];
  timeoutMs: number;
  refreshIntervalMs: number;
  cwd: string;
  childEnv: Record<string, string>;
  output: 'text' | 'json';
  maxOutputBytes: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
  now: () => number;
  random: () => number;
  onEvent: ((event: CommandTokenEvent) => void) | undefined;
}

// setTimeout cannot wait longer than this.
const MAX_TIMER_MS = 2 ** 31 - 1;

function fail(code: CommandTokenErrorCode, message: string): never {
  throw new CommandTokenError(code, message);
}

/** `callback` as called by the source: whatever it throws becomes a CALLBACK_FAILED with a safe cause. */
function guarded(callback: () => number, option: string): () => number {
  return () => {
    try {
      return callback();
    } catch (error) {
      throw new CommandTokenError('CALLBACK_FAILED', `provider auth option \`${option}\` threw`, {
        cause: safeCause(error, `${option} failed`),
      });
    }
  };
}

function checkDuration(
  value: number | undefined,
  fallback: number,
  field: string,
  code: CommandTokenErrorCode,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    fail(code, `provider auth.${field} must be a number of milliseconds between 0 and ${MAX_TIMER_MS}`);
  }
  return value;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string')
  );
}

/** Applies defaults and validates; messages follow Codex's wording and name fields only. */
export function validateOptions(options: CommandTokenSourceOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null)
    fail('EMPTY_COMMAND', 'provider auth config is required');
  if (typeof options.command !== 'string' || options.command.trim() === '') {
    fail('EMPTY_COMMAND', 'provider auth.command must not be empty');
  }
  const args = options.args ?? [];
  if (!Array.isArray(args) || args.some((arg) => typeof arg !== 'string' || arg.includes('\0'))) {
    fail('INVALID_ARGS', 'provider auth.args must be an array of strings without NUL characters');
  }
  const timeoutMs = checkDuration(options.timeoutMs, 5000, 'timeout_ms', 'INVALID_TIMEOUT');
  if (timeoutMs <= 0) fail('INVALID_TIMEOUT', 'provider auth.timeout_ms must be greater than 0');
  const refreshIntervalMs = checkDuration(
    options.refreshIntervalMs,
    300_000,
    'refresh_interval_ms',
    'INVALID_REFRESH_INTERVAL',
  );
  const cwd = options.cwd ?? process.cwd();
  if (typeof cwd !== 'string' || !isAbsolute(cwd))
    fail('RELATIVE_CWD', 'provider auth.cwd must be an absolute path');
  const childEnv = options.childEnv ?? {};
  if (!isStringMap(childEnv)) fail('INVALID_ENV', 'provider auth.env must map variable names to strings');
  const output = options.output ?? 'text';
  if (output !== 'text' && output !== 'json')
    fail('INVALID_OUTPUT_MODE', "provider auth.output must be 'text' or 'json'");
  const maxOutputBytes = options.maxOutputBytes ?? 64 * 1024;
  if (!Number.isInteger(maxOutputBytes) || maxOutputBytes <= 0) {
    fail('INVALID_MAX_OUTPUT', 'provider auth.maxOutputBytes must be a positive integer');
  }
  const backoffInitialMs = checkDuration(
    options.backoff?.initialMs,
    1000,
    'backoff.initialMs',
    'INVALID_BACKOFF',
  );
  const backoffMaxMs = checkDuration(options.backoff?.maxMs, 60_000, 'backoff.maxMs', 'INVALID_BACKOFF');
  return {
    command: options.command,
    args: [...args],
    timeoutMs,
    refreshIntervalMs,
    cwd,
    childEnv: { ...childEnv },
    output,
    maxOutputBytes,
    backoffInitialMs,
    backoffMaxMs: Math.max(backoffMaxMs, backoffInitialMs),
    now: guarded(options.now ?? Date.now, 'now'),
    random: guarded(options.random ?? Math.random, 'random'),
    onEvent: options.onEvent,
  };
}
