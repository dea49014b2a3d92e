// `@x/aws-auth/endpoints`: endpoint, region and API-key helpers that load neither the signer
// (`@smithy/*`) nor `@aws-sdk/*`, for callers that only need URLs and regions up front.

export { regionFromBedrockApiKey } from './bedrock/bedrockApiKeyRegion.js';
export type {
  BedrockEndpoint,
  BedrockEndpointKind,
  BedrockEndpointOptions,
} from './bedrock/bedrockEndpoint.js';
export { bedrockEndpoint, MANTLE_REGIONS } from './bedrock/bedrockEndpoint.js';
export type { Env } from './env.js';
export type { AwsAuthErrorCode } from './errors.js';
export { AwsAuthError } from './errors.js';
export type { ResolvedRegion, ResolveRegionOptions } from './region.js';
export { resolveRegion, resolveRegionWithSource, validateRegion } from './region.js';
