import { CodedError } from '@x/auth-seam';

/**
 * Stable codes of {@link ProviderConfigError}.
 * @public
 */
export type ProviderConfigErrorCode =
  | 'CONFIG_READ_FAILED'
  | 'TOML_SYNTAX'
  | 'INVALID_FIELD'
  | 'UNKNOWN_FIELD'
  | 'CONFLICTING_FIELDS'
  | 'WIRE_API_REMOVED'
  | 'BUILTIN_OVERRIDE'
  | 'UNKNOWN_PROVIDER'
  | 'UNKNOWN_PROFILE'
  | 'CODEX_HOME_INVALID'
  | 'MISSING_ENV_KEY'
  | 'BEDROCK_KEY_UNSUPPORTED'
  | 'OPENAI_AUTH_REQUIRED'
  | 'AUTH_RESOLUTION_FAILED'
  | 'INVALID_HEADER'
  | 'INVALID_CREDENTIAL_VALUE'
  | 'BASE_URL_USERINFO';

/**
 * What a {@link ProviderConfigError} says besides its code and message.
 * @public
 */
export interface ProviderConfigErrorOptions {
  /** The config file, when the configuration came from one. */
  file?: string | undefined;
  /** 1-based line in that file, where the parser or a key lookup gives it. */
  line?: number | undefined;
  /** Dotted TOML path of the offending field, e.g. `model_providers.corp.auth.command`. */
  field?: string | undefined;
  /** The underlying error, kept as the error's `cause` (its message is not copied into ours). */
  cause?: unknown;
}

/**
 * Raised by @x/model-provider for invalid provider configuration and auth resolution failures.
 *
 * `code` is stable and safe to branch on; `message` names the field, file, variable or command
 * involved but never a secret value; the underlying error, if any, is kept as `cause`.
 * @public
 */
export class ProviderConfigError extends CodedError<ProviderConfigErrorCode> {
  /** Always `'ProviderConfigError'`: tells the class apart where `instanceof` cannot (two copies, logs). */
  override readonly name = 'ProviderConfigError';
  /** The config file at fault; absent when the configuration did not come from a file. */
  readonly file?: string | undefined;
  /** 1-based line in that file; absent when neither the parser nor a key lookup gave one. */
  readonly line?: number | undefined;
  /** Dotted TOML path of the offending field (`model_providers.corp.env_key`); absent if none is. */
  readonly field?: string | undefined;

  constructor(code: ProviderConfigErrorCode, message: string, options: ProviderConfigErrorOptions = {}) {
    super(code, message, options);
    if (options.file !== undefined) this.file = options.file;
    if (options.line !== undefined) this.line = options.line;
    if (options.field !== undefined) this.field = options.field;
  }
}

/**
 * Stable codes of {@link ProviderRequestError}.
 * @public
 */
export type ProviderRequestErrorCode =
  | 'ORIGIN_MISMATCH'
  | 'INVALID_URL'
  | 'UNSUPPORTED_BODY'
  | 'TRANSPORT'
  | 'STREAM_IDLE_TIMEOUT'
  | 'MODELS_RESPONSE'
  | 'INVALID_HEADER_VALUE'
  | 'RESPONSE_TIMEOUT'
  | 'AUTHORIZATION_HEADER_PRESENT';

/**
 * Raised by a provider's `fetch` when a request cannot be sent or its stream stalls. HTTP error
 * statuses are not errors here: the response is returned as the server sent it.
 * @public
 */
export class ProviderRequestError extends CodedError<ProviderRequestErrorCode> {
  /** Always `'ProviderRequestError'`: tells the class apart where `instanceof` cannot (two copies, logs). */
  override readonly name = 'ProviderRequestError';
}
