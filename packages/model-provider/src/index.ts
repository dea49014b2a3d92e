export { type AuthMethod, authMethodOf } from './authMethod.js';
export { bedrockEndpointKinds, builtInProviders, MANTLE_CLIENT_AGENT_HEADER } from './builtInProviders.js';
export type { BuiltInOverride } from './config/builtInOverrideSchema.js';
export { configJsonSchema } from './config/configJsonSchema.js';
export type { ProviderConfig } from './config/providerConfig.js';
export type {
  ModelProviderInfo,
  ProviderAuthConfig,
  ProviderAwsConfig,
} from './config/providerInfoSchema.js';
export { BEDROCK_KEY_ONLY_MESSAGE } from './internal/openAiLoginSource.js';
export { type ConfigSource, loadConfig } from './loadConfig.js';
export type { ModelProvider, ModelSummary, ProviderSummary } from './modelProvider.js';
export type { AuthSource, HttpRequest, RecoveryResponse } from './pipeline/authSource.js';
export { createProviderFetch, type ProviderFetchOptions } from './pipeline/createProviderFetch.js';
export { type PrepareBodyOptions, prepareBodyForSend } from './pipeline/prepareBodyForSend.js';
export {
  ProviderConfigError,
  type ProviderConfigErrorCode,
  type ProviderConfigErrorDetails,
} from './providerConfigError.js';
export {
  createProviderRegistry,
  type ProviderRegistry,
  type ProviderRegistryOptions,
} from './providerRegistry.js';
export { ProviderRequestError, type ProviderRequestErrorCode } from './providerRequestError.js';
