// `@x/aws-auth/endpoints`: endpoint, region and API-key helpers that load neither the signer
// (`@smithy/*`) nor `@aws-sdk/*`, for callers that only need URLs and regions up front.
export type { AwsAuthErrorCode } from './awsAuthError.js';
export { AwsAuthError } from './awsAuthError.js';
export { regionFromBedrockApiKey } from './bedrockApiKeyRegion.js';
export type { BedrockEndpoint, BedrockEndpointKind, BedrockEndpointOptions } from './bedrockEndpoint.js';
export { bedrockEndpoint, MANTLE_REGIONS } from './bedrockEndpoint.js';
export type { ResolvedRegion, ResolveRegionOptions } from './region.js';
export { resolveRegion, resolveRegionWithSource, validateRegion } from './region.js';
export type { Env } from './types.js';
