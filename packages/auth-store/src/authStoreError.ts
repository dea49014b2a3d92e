/**
 * Raised by @x/auth-store for storage, login and refresh failures.
 *
 * `code` is stable and safe to branch on; `message` names the field, file, variable or command
 * involved but never a secret value; the underlying error, if any, is kept as `cause`.
 */
export class AuthStoreError extends Error {
  override readonly name = 'AuthStoreError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
