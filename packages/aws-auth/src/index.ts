// The main entry: signing, verification, credentials, region and Bedrock. Every public name is listed.
export type { AuthorizeOptions, FailedResponse, HttpRequest, RetryEvent } from '@x/auth-seam';
export type { CreateBedrockApiKeyOptions } from './bedrock/bedrockApiKey.js';
export { createBedrockApiKey } from './bedrock/bedrockApiKey.js';
export { regionFromBedrockApiKey } from './bedrock/bedrockApiKeyRegion.js';
export { createBedrockAuth } from './bedrock/bedrockAuth.js';
export type { BedrockAuth, BedrockAuthDescription, BedrockAuthOptions } from './bedrock/bedrockAuthTypes.js';
export type {
  BedrockEndpoint,
  BedrockEndpointKind,
  BedrockEndpointOptions,
} from './bedrock/bedrockEndpoint.js';
export { bedrockEndpoint, MANTLE_REGIONS } from './bedrock/bedrockEndpoint.js';
export type { BedrockFetch, BedrockFetchOptions, FetchLike } from './bedrock/bedrockFetch.js';
export { createBedrockFetch } from './bedrock/bedrockFetch.js';
export { bedrockOpenAIOptions } from './bedrock/bedrockOpenAIOptions.js';
export type { BedrockOpenAIClientOptions, BedrockOpenAIOptions } from './bedrock/bedrockOpenAITypes.js';
export type { BedrockTokenProvider } from './bedrock/bedrockSource.js';
export type {
  AwsCredentials,
  AwsCredentialsProvider,
  CredentialsRequestOptions,
} from './credentials/awsCredentials.js';
export { chain } from './credentials/chain.js';
export type { CredentialSource } from './credentials/credentialSource.js';
export type { FromDefaultChainOptions } from './credentials/fromDefaultChain.js';
export { fromDefaultChain } from './credentials/fromDefaultChain.js';
export type { FromEnvOptions } from './credentials/fromEnv.js';
export { fromEnv } from './credentials/fromEnv.js';
export type { FromProfileOptions } from './credentials/fromProfile.js';
export { fromProfile } from './credentials/fromProfile.js';
export { fromProvider } from './credentials/fromProvider.js';
export { fromStatic } from './credentials/fromStatic.js';
export type { MemoizedSource, MemoizeOptions } from './credentials/memoize.js';
export { memoize } from './credentials/memoize.js';
export type { Env } from './env.js';
export type { AwsAuthErrorCode } from './errors.js';
export { AwsAuthError } from './errors.js';
export type { ResolvedRegion, ResolveRegionOptions } from './region.js';
export { resolveRegion, resolveRegionWithSource, validateRegion } from './region.js';
export type { SignRequestOptions } from './sigv4/signRequest.js';
export { signRequest } from './sigv4/signRequest.js';
export type { SigV4DenialCode, SigV4Verdict } from './sigv4/sigV4Verdict.js';
export type { ReceivedRequest, VerifySigV4Options } from './sigv4/verifySigV4Request.js';
export { verifySigV4Request } from './sigv4/verifySigV4Request.js';
