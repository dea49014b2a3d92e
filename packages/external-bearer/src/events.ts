import type { CommandTokenErrorCode } from './errors.js';

/**
 * Why the command is being run.
 * @public
 */
export type RefreshReason =
  /** no token cached yet */
  | 'cold'
  /** the cached token is past its refresh interval or too close to its expiry to be served */
  | 'expired'
  /** the cached token is still served, but is close enough to its end that a background run starts */
  | 'expiring'
  /** `refresh()` was called (a 401 with the cached token, or a forced refresh) */
  | 'unauthorized';

/**
 * What a token source reports to `onEvent`, for metrics and logs. Events never carry a token or
 * the command's stdout; `stderrExcerpt` is redacted like the one on errors.
 * @public
 */
export type CommandTokenEvent =
  | { type: 'cache-hit'; command: string }
  | { type: 'cache-miss'; command: string; reason: RefreshReason }
  | { type: 'run-start'; command: string; reason: RefreshReason; run: number }
  | {
      type: 'run-end';
      command: string;
      run: number;
      ok: boolean;
      durationMs: number;
      exitCode?: number | undefined;
      signal?: string | undefined;
      code?: CommandTokenErrorCode | undefined;
      stderrExcerpt?: string | undefined;
    }
  | { type: 'backoff'; command: string; failures: number; delayMs: number; code: CommandTokenErrorCode }
  | { type: 'backoff-rejected'; command: string; retryInMs: number; code: CommandTokenErrorCode };
