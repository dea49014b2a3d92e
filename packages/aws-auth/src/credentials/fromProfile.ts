import type { Env } from '../env.js';
import { resolveEnv } from '../env.js';
import { AwsAuthError } from '../errors.js';
import { sdkChain } from './awsSdk.js';
import { type CredentialSource, concealed, labelled } from './credentialSource.js';
import { readProfile, sharedConfigPaths } from './sharedConfig.js';

/**
 * Options of {@link fromProfile}.
 * @public
 */
export interface FromProfileOptions {
  /** The profile name in the shared config / credentials files. */
  profile: string;
  /** Reads `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE` and `HOME` from here. */
  env?: Env | undefined;
}

/**
 * A named profile of the shared AWS files, resolved by the AWS SDK (static keys, roles, SSO,
 * credential_process). The SDK is imported on first use only. A profile that is in neither file
 * fails fast with PROFILE_NOT_FOUND.
 * @public
 */
export function fromProfile(options: FromProfileOptions): CredentialSource {
  const label = `profile "${options.profile}"`;
  let sdk: ReturnType<typeof sdkChain> | undefined;
  return labelled(label, async (request) => {
    const env = resolveEnv(options.env);
    const paths = sharedConfigPaths(env);
    if (!readProfile(env, options.profile)) {
      throw new AwsAuthError(
        'PROFILE_NOT_FOUND',
        `${label} is not in ${paths.configFile} or ${paths.credentialsFile}`,
      );
    }
    sdk ??= sdkChain(
      { profile: options.profile, filepath: paths.credentialsFile, configFilepath: paths.configFile },
      label,
    );
    return concealed(await sdk(request));
  });
}
