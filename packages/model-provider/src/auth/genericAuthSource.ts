import type { AuthSource } from '@x/auth-seam';
import { isHeaderValue } from '@x/auth-seam';
import type { AuthManager } from '@x/auth-store';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';
import { ProviderConfigError } from '../errors.js';
import { HEADER_VALUE_RULE } from '../headerRule.js';
import { commandSource } from './commandSource.js';
import { envKeySource } from './envKeySource.js';
import { openAiLoginSource } from './openAiLoginSource.js';
import { staticBearerSource } from './staticBearerSource.js';

export interface AuthContext {
  env: Record<string, string | undefined>;
  authManager?: AuthManager | undefined;
}

/**
 * Codex's order for providers other than Bedrock: `env_key`, then `experimental_bearer_token`, then
 * the `auth` command, then the OpenAI login when `requires_openai_auth`, else no auth.
 */
export function genericAuthSource(
  id: string,
  info: ModelProviderInfo,
  context: AuthContext,
): AuthSource | undefined {
  if (info.env_key !== undefined)
    return envKeySource(id, info.env_key, info.env_key_instructions, context.env);
  if (info.experimental_bearer_token !== undefined) {
    // loadConfig checks it with file and line; a configuration built in code is checked here.
    if (!isHeaderValue(info.experimental_bearer_token)) {
      throw new ProviderConfigError(
        'INVALID_CREDENTIAL_VALUE',
        `provider \`${id}\`: experimental_bearer_token ${HEADER_VALUE_RULE}`,
        { field: `model_providers.${id}.experimental_bearer_token` },
      );
    }
    return staticBearerSource(info.experimental_bearer_token, { method: 'config-bearer-token' });
  }
  if (info.auth !== undefined) return commandSource(info.auth);
  if (info.requires_openai_auth) {
    if (!context.authManager) {
      throw new ProviderConfigError(
        'OPENAI_AUTH_REQUIRED',
        `provider \`${id}\` requires OpenAI auth: pass an authManager to createProviderRegistry`,
      );
    }
    return openAiLoginSource(context.authManager, id);
  }
  return undefined;
}
