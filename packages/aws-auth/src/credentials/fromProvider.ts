import type { AwsCredentialsProvider } from './awsCredentials.js';
import { toCheckedProvider } from './checkCredentials.js';
import { type CredentialSource, concealed, labelled } from './credentialSource.js';

/**
 * A caller's provider function: its result is validated, its failures become
 * CREDENTIALS_PROVIDER_FAILED (the original error kept as `cause`), and `forceRefresh` is passed on.
 * @public
 */
export function fromProvider(
  provider: AwsCredentialsProvider,
  label = 'credentials provider',
): CredentialSource {
  const checked = toCheckedProvider(provider, label);
  return labelled(label, async (options) => concealed(await checked(options)));
}
