// The AWS SDK pieces are optional peer dependencies: static keys, environment keys, Bedrock API keys
// and the native signing engine need none of them, so a user who signs that way never installs
// them. Each is imported, by a literal specifier (bundlers follow those), only on the path that
// needs it; this turns a failed import into an error that says what to install and why.
import { AwsAuthError } from './errors.js';
import { scrubbedCause } from './scrubbedCause.js';

/** The optional peer dependencies, and what each is needed for. */
export const OPTIONAL_PEERS = {
  '@aws-sdk/credential-provider-node':
    'for fromProfile and fromDefaultChain (shared config and credentials files, SSO, credential_process, web identity, container and instance metadata credentials)',
  '@smithy/signature-v4':
    'for the smithy signing engine (used where node:crypto is missing, or when engine "smithy" is asked for) and for createBedrockApiKey',
  '@aws-crypto/sha256-js': 'for SHA-256 where node:crypto is missing (browsers, edge runtimes)',
} as const;

/** The name of one optional peer dependency. */
export type OptionalPeer = keyof typeof OPTIONAL_PEERS;

/**
 * Runs `load` (a dynamic import of `name`, or of a module that imports it); AWS_SDK_UNAVAILABLE
 * naming the package, why it is needed and how to install it when that fails. The import error
 * stays as `cause`.
 */
export async function importOptionalPeer<T>(name: OptionalPeer, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    throw new AwsAuthError(
      'AWS_SDK_UNAVAILABLE',
      `${name} could not be loaded; it is an optional peer dependency of @x/aws-auth, needed ${OPTIONAL_PEERS[name]}: install it (npm install ${name})`,
      { cause: scrubbedCause(cause) },
    );
  }
}
