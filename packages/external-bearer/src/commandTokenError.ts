/**
 * Raised by @x/external-bearer when a token command cannot produce a usable token.
 *
 * `code` is stable and safe to branch on; `message` names the field, file, variable or command
 * involved but never a secret value; the underlying error, if any, is kept as `cause`.
 */
export class CommandTokenError extends Error {
  override readonly name = 'CommandTokenError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
