import { CodedError } from '@x/auth-seam';

/**
 * Every stable `code` a {@link CommandTokenError} can carry. Branch on these, never on `message`.
 * @public
 */
export type CommandTokenErrorCode =
  // configuration (thrown by createCommandTokenSource)
  | 'EMPTY_COMMAND'
  | 'INVALID_ARGS'
  | 'INVALID_TIMEOUT'
  | 'INVALID_REFRESH_INTERVAL'
  | 'RELATIVE_CWD'
  | 'INVALID_ENV'
  | 'INVALID_OUTPUT_MODE'
  | 'INVALID_MAX_OUTPUT'
  | 'INVALID_BACKOFF'
  // running the command
  | 'COMMAND_NOT_FOUND'
  | 'SPAWN_FAILED'
  | 'TIMEOUT'
  | 'EXIT_STATUS'
  | 'OUTPUT_TOO_LARGE'
  | 'NON_UTF8'
  | 'EMPTY_TOKEN'
  | 'INVALID_TOKEN'
  | 'INVALID_JSON'
  | 'INVALID_EXPIRY'
  | 'EXPIRED_OUTPUT'
  // a user-supplied `now` or `random` threw
  | 'CALLBACK_FAILED';

/**
 * Raised by @x/external-bearer when a token command cannot produce a usable token.
 *
 * `code` is stable and safe to branch on; `message` names the field, file, variable or command
 * involved but never a secret value; the underlying error, if any, is kept as `cause`.
 * `stderrExcerpt` (exit-status and timeout failures only) is a short, redacted excerpt of the command's stderr.
 * @public
 */
export class CommandTokenError extends CodedError<CommandTokenErrorCode> {
  /** Always `'CommandTokenError'`: tells the class apart where `instanceof` cannot (two copies, logs). */
  override readonly name = 'CommandTokenError';
  /** A short, redacted excerpt of the command's stderr (exit-status and timeout failures only). */
  readonly stderrExcerpt?: string | undefined;

  constructor(
    code: CommandTokenErrorCode,
    message: string,
    options?: { cause?: unknown; stderrExcerpt?: string | undefined },
  ) {
    super(code, message, options);
    if (options?.stderrExcerpt !== undefined) this.stderrExcerpt = options.stderrExcerpt;
  }
}
