// What browser bundles get in place of @aws-sdk/credential-provider-node (the `browser` condition of
// `#credential-provider-node` in package.json): the AWS SDK's default chain reads files, runs
// commands and calls instance metadata, none of which a browser can do.
import { AwsAuthError } from '../errors.js';

/** Always throws AWS_SDK_UNAVAILABLE: in a browser, pass an API key, a token provider or credentials. */
export function defaultProvider(): never {
  throw new AwsAuthError(
    'AWS_SDK_UNAVAILABLE',
    'the AWS SDK default chain (profiles, SSO, instance metadata) does not run in a browser: pass apiKey, tokenProvider, credentials or credentialsProvider',
  );
}
