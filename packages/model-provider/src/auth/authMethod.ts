import { bedrockEndpointKinds } from '../config/builtInProviders.js';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';

/**
 * How a provider's requests are authorized, as far as the configuration alone tells.
 * @public
 */
export type AuthMethod =
  | 'none'
  | 'env-key'
  | 'config-bearer-token'
  | 'command'
  | 'openai-login'
  | 'aws-bedrock';

/**
 * Codex's order for generic providers; any provider with `aws` is Bedrock, as in Codex.
 * @public
 */
export function authMethodOf(info: ModelProviderInfo): AuthMethod {
  if (info.aws !== undefined) return 'aws-bedrock';
  if (info.env_key !== undefined) return 'env-key';
  if (info.experimental_bearer_token !== undefined) return 'config-bearer-token';
  if (info.auth !== undefined) return 'command';
  if (info.requires_openai_auth) return 'openai-login';
  return 'none';
}

/** The method of the provider with this id: a built-in Bedrock provider given `auth` runs the command. */
export function providerAuthMethod(id: string, info: ModelProviderInfo): AuthMethod {
  return id in bedrockEndpointKinds && info.auth !== undefined ? 'command' : authMethodOf(info);
}
