import { CodedError } from '@x/auth-seam';

/**
 * Every stable `code` an {@link AwsAuthError} can carry. Branch on these, never on `message`.
 * @public
 */
export type AwsAuthErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_HEADER'
  | 'AUTHORIZATION_HEADER_PRESENT'
  | 'UNSUPPORTED_BODY'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_CREDENTIAL_VALUE'
  | 'CREDENTIALS_NOT_FOUND'
  | 'CREDENTIALS_PROVIDER_FAILED'
  | 'ENV_CREDENTIALS_INCOMPLETE'
  | 'PROFILE_NOT_FOUND'
  | 'AWS_SDK_UNAVAILABLE'
  | 'REGION_MISSING'
  | 'REGION_INVALID'
  | 'REGION_UNSUPPORTED'
  | 'REGION_MISMATCH'
  | 'CONFLICTING_OPTIONS'
  | 'INVALID_OPTION'
  | 'INVALID_BASE_URL'
  | 'ENDPOINT_KIND_REQUIRED'
  | 'ORIGIN_MISMATCH'
  | 'TOKEN_PROVIDER_FAILED'
  | 'EMPTY_TOKEN'
  | 'INVALID_EXPIRY'
  | 'API_KEY_PREFIX_MISSING'
  | 'API_KEY_NOT_BASE64'
  | 'API_KEY_NOT_UTF8'
  | 'API_KEY_NOT_URL'
  | 'API_KEY_CREDENTIAL_MISSING'
  | 'API_KEY_REGION_MISSING'
  | 'API_KEY_REGION_INVALID'
  | 'FETCH_UNAVAILABLE';

/**
 * Raised by @x/aws-auth for signing, credential, region and Bedrock failures.
 *
 * `code` is stable and safe to branch on; `message` names the field, file, variable or command
 * involved but never a secret value; the underlying error, if any, is kept as `cause`.
 * @public
 */
export class AwsAuthError extends CodedError<AwsAuthErrorCode> {
  /** Always `'AwsAuthError'`: tells the class apart where `instanceof` cannot (two copies, logs). */
  override readonly name = 'AwsAuthError';
}
