import type { ExitCodeValue } from './exitCode.js';

/** Stable codes of {@link DemoError}. */
export type DemoErrorCode =
  | 'NOT_LOGGED_IN'
  | 'INVALID_USAGE'
  | 'SECRET_ON_TERMINAL'
  | 'EMPTY_STDIN'
  | 'HOME_IN_USE'
  | 'NO_MODEL'
  | 'TOUR_FAILED';

/** An error of the CLI itself: printed as one line with its code, and the process exits `exitCode`. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
  constructor(
    readonly code: DemoErrorCode,
    message: string,
    readonly exitCode: ExitCodeValue,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
