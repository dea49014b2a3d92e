import type { CommandTokenEvent } from './commandTokenEvent.js';

/** Options of {@link createCommandTokenSource}. Field meanings follow Codex's `[model_providers.<id>.auth]`. */
export interface CommandTokenSourceConfig {
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
  /** Extra environment variables, added to the current process environment. */
  env?: Record<string, string> | undefined;
  /** `'text'`: the trimmed stdout is the token. `'json'`: `{token, expires_at}` or a Kubernetes ExecCredential. */
  output?: 'text' | 'json' | undefined;
  /** Receives redacted events (runs, cache hits and misses, backoff). Errors it throws are ignored. */
  onEvent?: ((event: CommandTokenEvent) => void) | undefined;
  /** stdout cap in bytes; more output fails with `OUTPUT_TOO_LARGE`. Default 65536. */
  maxOutputBytes?: number | undefined;
  /** Backoff after failures: first delay and cap, in milliseconds. Defaults 1000 and 60000. */
  backoff?: { initialMs?: number | undefined; maxMs?: number | undefined } | undefined;
  /** Clock in epoch milliseconds, for expiry, interval and backoff decisions. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  random?: (() => number) | undefined;
}
