import type { Env } from '../env.js';
import { resolveEnv } from '../env.js';
import { sdkChain } from './awsSdk.js';
import { chain } from './chain.js';
import { type CredentialSource, labelled } from './credentialSource.js';
import { fromEnv } from './fromEnv.js';
import { profileName, sharedConfigPaths } from './sharedConfig.js';

/**
 * Options of {@link fromDefaultChain}.
 * @public
 */
export interface FromDefaultChainOptions {
  /** Variables (`AWS_ACCESS_KEY_ID`, `AWS_PROFILE`, `AWS_CONFIG_FILE`, ...) are read from here. */
  env?: Env | undefined;
}

const SDK_LABEL =
  'AWS SDK default chain (SSO, shared config and credentials files, credential_process, web identity, container, instance metadata)';

/**
 * The usual AWS order: environment keys (from `env`), then the AWS SDK's default chain for the
 * profile named by `AWS_PROFILE` (or `default`). The SDK is imported on first use only.
 * @public
 */
export function fromDefaultChain(options: FromDefaultChainOptions = {}): CredentialSource {
  const env = resolveEnv(options.env);
  const paths = sharedConfigPaths(env);
  const sdk = sdkChain(
    { profile: profileName(env), filepath: paths.credentialsFile, configFilepath: paths.configFile },
    SDK_LABEL,
  );
  return chain(fromEnv({ env }), labelled(SDK_LABEL, sdk));
}
