/**
 * Raised by @x/model-provider for invalid provider configuration and auth resolution failures.
 *
 * `code` is stable and safe to branch on; `message` names the field, file, variable or command
 * involved but never a secret value; the underlying error, if any, is kept as `cause`.
 */
export class ProviderConfigError extends Error {
  override readonly name = 'ProviderConfigError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
