export {
  type AuthorizeOptions,
  type AuthSource,
  type FailedResponse,
  type HttpRequest,
  PLACEHOLDER_API_KEY,
  type RetryEvent,
} from '@x/auth-seam';
export { type AuthMethod, authMethodOf } from './auth/authMethod.js';
export {
  type CodexHome,
  type OpenCodexHomeOptions,
  openCodexHome,
} from './codexHome/openCodexHome.js';
export {
  bedrockEndpointKinds,
  builtInProviders,
  MANTLE_CLIENT_AGENT_HEADER,
} from './config/builtInProviders.js';
export type { ConfigSource } from './config/loadConfig.js';
export type {
  BuiltInOverride,
  ModelProviderInfo,
  ProviderAuthConfig,
  ProviderAwsConfig,
} from './config/modelProviderInfo.js';
export type { ProviderConfig } from './config/providerConfig.js';
export {
  ProviderConfigError,
  type ProviderConfigErrorCode,
  type ProviderConfigErrorOptions,
  ProviderRequestError,
  type ProviderRequestErrorCode,
} from './errors.js';
export { type ExplainedError, explainError } from './explainError.js';
export { configJsonSchema, loadConfig } from './lazyConfig.js';
export { createProviderFetch } from './pipeline/createProviderFetch.js';
export { type PrepareBodyOptions, prepareBodyForSend } from './pipeline/prepareBodyForSend.js';
export type { ProviderFetchOptions } from './pipeline/providerFetchOptions.js';
export type { ProviderClientOptions } from './registry/clientOptions.js';
export { createProviderRegistry } from './registry/createProviderRegistry.js';
export type { ModelProvider, ModelSummary, ProviderSummary } from './registry/modelProvider.js';
export type { ProviderRegistry, ProviderRegistryOptions } from './registry/providerRegistry.js';
