import { CodedError } from '@x/auth-seam';

/**
 * Stable codes carried by {@link AuthStoreError}.
 * @public
 */
export type AuthStoreErrorCode =
  | 'AUTH_FILE_CORRUPT'
  | 'AUTH_FILE_IO'
  | 'INVALID_OPTION'
  | 'INVALID_CREDENTIAL'
  | 'INVALID_CREDENTIAL_VALUE'
  | 'INVALID_REGION'
  | 'KEYRING_UNAVAILABLE'
  | 'KEYRING_FAILED'
  | 'KEYRING_CORRUPT'
  | 'LOCK_TIMEOUT'
  | 'LOCK_PATH_INVALID'
  | 'UNSAFE_HOME'
  | 'LOGIN_RESTRICTED'
  | 'NOT_LOGGED_IN'
  | 'REFRESH_UNSUPPORTED'
  | 'REFRESH_TOKEN_EXPIRED'
  | 'REFRESH_TOKEN_REUSED'
  | 'REFRESH_TOKEN_INVALIDATED'
  | 'REFRESH_INVALID_GRANT'
  | 'REFRESH_UNAUTHORIZED'
  | 'REFRESH_TRANSIENT'
  | 'REFRESH_BAD_RESPONSE'
  | 'EXTERNAL_REFRESH_FAILED'
  | 'ACCOUNT_CHANGED'
  | 'AUTH_MODE_UNSUPPORTED'
  | 'AGENT_IDENTITY_INVALID'
  | 'AGENT_TASK_FAILED'
  | 'AGENT_TASK_DECRYPT_FAILED'
  | 'RECOVERY_EXHAUSTED';

/**
 * Raised by @x/auth-store for storage, login and refresh failures.
 *
 * `code` is stable and safe to branch on; `message` names the field, file, variable or command
 * involved but never a secret value; the underlying error, if any, is kept as `cause`.
 * @public
 */
export class AuthStoreError extends CodedError<AuthStoreErrorCode> {
  /** Always `'AuthStoreError'`: tells the class apart where `instanceof` cannot (two copies, logs). */
  override readonly name = 'AuthStoreError';
}
