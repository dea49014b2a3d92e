export type { AwsAuthErrorCode } from './awsAuthError.js';
export { AwsAuthError } from './awsAuthError.js';
export type { CreateBedrockApiKeyOptions } from './bedrockApiKey.js';
export { createBedrockApiKey } from './bedrockApiKey.js';
export { regionFromBedrockApiKey } from './bedrockApiKeyRegion.js';
export type {
  AuthorizeOptions,
  BedrockAuth,
  BedrockAuthDescription,
  BedrockAuthOptions,
  BedrockTokenProvider,
} from './bedrockAuth.js';
export { createBedrockAuth } from './bedrockAuth.js';
export type { BedrockEndpoint, BedrockEndpointKind, BedrockEndpointOptions } from './bedrockEndpoint.js';
export { bedrockEndpoint, MANTLE_REGIONS } from './bedrockEndpoint.js';
export type { BedrockFetch } from './bedrockFetch.js';
export { createBedrockFetch } from './bedrockFetch.js';
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
export type { SignerEngine } from './internal/signCore.js';
export type { ResolvedRegion, ResolveRegionOptions } from './region.js';
export { resolveRegion, resolveRegionWithSource, validateRegion } from './region.js';
export type { SignRequestOptions } from './signRequest.js';
export { signRequest } from './signRequest.js';
export type {
  AuthResponse,
  AwsCredentials,
  AwsCredentialsProvider,
  CredentialsRequestOptions,
  Env,
  HttpRequest,
} from './types.js';
export type {
  ReceivedRequest,
  SigV4DenialCode,
  SigV4Verdict,
  VerifySigV4Options,
} from './verifySigV4Request.js';
export { verifySigV4Request } from './verifySigV4Request.js';
