import type { AwsCredentials } from './awsCredentials.js';
import { checkCredentials } from './checkCredentials.js';
import { type CredentialSource, concealed, labelled } from './credentialSource.js';

/**
 * Explicitly given keys, used exactly as given: an ambient `AWS_SESSION_TOKEN` is never mixed in.
 * @public
 */
export function fromStatic(credentials: AwsCredentials): CredentialSource {
  const value = concealed(checkCredentials(credentials, 'static credentials'));
  return labelled('static credentials', () => Promise.resolve(value));
}
