import type { AwsCredentials, AwsCredentialsProvider } from './awsCredentials.js';

/**
 * A credentials provider that also says, in words, where it looks (used in errors and describe()).
 * @public
 */
export interface CredentialSource extends AwsCredentialsProvider {
  /** e.g. `environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)`, `profile "dev"`. Never a secret. */
  readonly source: string;
}

/** Attaches a `source` label to a provider function. */
export function labelled(source: string, provider: AwsCredentialsProvider): CredentialSource {
  return Object.assign(provider, { source }) as CredentialSource;
}

/**
 * A copy of the credentials whose secret fields are not enumerable, so `JSON.stringify`, spreads
 * and `util.inspect` of it show only the access key id and expiration.
 */
export function concealed(credentials: AwsCredentials): AwsCredentials {
  const out: AwsCredentials = { accessKeyId: credentials.accessKeyId } as AwsCredentials;
  Object.defineProperty(out, 'secretAccessKey', { value: credentials.secretAccessKey, enumerable: false });
  if (credentials.sessionToken !== undefined) {
    Object.defineProperty(out, 'sessionToken', { value: credentials.sessionToken, enumerable: false });
  }
  if (credentials.expiration !== undefined) out.expiration = credentials.expiration;
  return out;
}
