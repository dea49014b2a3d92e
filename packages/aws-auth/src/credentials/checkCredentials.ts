import { AwsAuthError } from '../errors.js';
import { scrubbedCause } from '../scrubbedCause.js';
import type { AwsCredentials, AwsCredentialsProvider, CredentialsRequestOptions } from './awsCredentials.js';
import { headerSafe } from './headerSafe.js';

/** Throws INVALID_CREDENTIALS naming the first missing or ill-typed field (never its value). */
export function checkCredentials(value: unknown, origin: string): AwsCredentials {
  const creds = value as Partial<AwsCredentials> | null | undefined;
  if (typeof creds !== 'object' || creds === null) {
    throw new AwsAuthError('INVALID_CREDENTIALS', `${origin} did not return a credentials object`);
  }
  for (const field of ['accessKeyId', 'secretAccessKey'] as const) {
    if (typeof creds[field] !== 'string' || creds[field] === '') {
      throw new AwsAuthError(
        'INVALID_CREDENTIALS',
        `${origin}: credentials field "${field}" is missing or empty`,
      );
    }
  }
  if (creds.sessionToken !== undefined && typeof creds.sessionToken !== 'string') {
    throw new AwsAuthError(
      'INVALID_CREDENTIALS',
      `${origin}: credentials field "sessionToken" is not a string`,
    );
  }
  // Both are sent in headers (Authorization, x-amz-security-token); the secret key never is.
  headerSafe(creds.accessKeyId as string, `${origin}: credentials field "accessKeyId"`);
  if (creds.sessionToken !== undefined) {
    headerSafe(creds.sessionToken, `${origin}: credentials field "sessionToken"`);
  }
  if (creds.expiration !== undefined && !(creds.expiration instanceof Date)) {
    throw new AwsAuthError('INVALID_CREDENTIALS', `${origin}: credentials field "expiration" is not a Date`);
  }
  return creds as AwsCredentials;
}

/** Turns static credentials or a provider into a provider that validates and wraps failures. */
export function toCheckedProvider(
  credentials: AwsCredentials | AwsCredentialsProvider,
  origin: string,
): AwsCredentialsProvider {
  if (typeof credentials !== 'function') {
    // Checked on every call (a few typeof tests): an object fixed or broken later is judged as it is now.
    return () => {
      try {
        return Promise.resolve(checkCredentials(credentials, origin));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  return async (options?: CredentialsRequestOptions) => {
    let value: unknown;
    try {
      value = await credentials(options);
    } catch (error) {
      if (error instanceof AwsAuthError) throw error;
      throw new AwsAuthError('CREDENTIALS_PROVIDER_FAILED', `${origin} failed to provide credentials`, {
        cause: scrubbedCause(error),
      });
    }
    return checkCredentials(value, origin);
  };
}
