// The only place @aws-sdk/* is loaded, always by dynamic import, so that importing this package and
// signing with static keys never loads the AWS SDK (an optional peer dependency, see optionalPeer.ts).
import { AwsAuthError } from '../errors.js';
import { importOptionalPeer } from '../optionalPeer.js';
import { scrubbedCause } from '../scrubbedCause.js';
import type { AwsCredentials, AwsCredentialsProvider, CredentialsRequestOptions } from './awsCredentials.js';
import { checkCredentials } from './checkCredentials.js';

export interface SdkChainOptions {
  profile?: string | undefined;
  filepath: string;
  configFilepath: string;
}

type SdkModule = {
  defaultProvider(
    init: Record<string, unknown>,
  ): (options?: CredentialsRequestOptions) => Promise<AwsCredentials>;
};

function loadSdk(): Promise<SdkModule> {
  // `#credential-provider-node` is the SDK package itself, or in browser bundles a stand-in that
  // throws AWS_SDK_UNAVAILABLE (the `imports` field of package.json), so no Node code gets in.
  return importOptionalPeer(
    '@aws-sdk/credential-provider-node',
    () => import('#credential-provider-node') as Promise<unknown> as Promise<SdkModule>,
  );
}

/**
 * The AWS SDK's default provider chain (SSO, shared files, credential_process, web identity,
 * container and instance metadata). A CredentialsProviderError from the SDK means "nothing found"
 * and becomes CREDENTIALS_NOT_FOUND; anything else becomes CREDENTIALS_PROVIDER_FAILED. The SDK's
 * own message is kept only as `cause`.
 */
export function sdkChain(init: SdkChainOptions, label: string): AwsCredentialsProvider {
  let provider: Promise<(options?: CredentialsRequestOptions) => Promise<AwsCredentials>> | undefined;
  return async (options) => {
    if (!provider) {
      provider = loadSdk().then((sdk) => sdk.defaultProvider({ ...init }));
      provider.catch(() => {
        provider = undefined; // a failed import may be retried by a later call
      });
    }
    const resolved = await provider;
    let credentials: unknown;
    try {
      credentials = await resolved(options?.forceRefresh ? { forceRefresh: true } : undefined);
    } catch (cause) {
      const notFound = (cause as { name?: string }).name === 'CredentialsProviderError';
      throw new AwsAuthError(
        notFound ? 'CREDENTIALS_NOT_FOUND' : 'CREDENTIALS_PROVIDER_FAILED',
        notFound ? `${label} found no credentials` : `${label} failed to provide credentials`,
        { cause: scrubbedCause(cause) },
      );
    }
    return checkCredentials(credentials, label);
  };
}
