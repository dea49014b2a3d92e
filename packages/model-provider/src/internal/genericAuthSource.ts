import type { AuthManager } from '@x/auth-store';
import { createCommandTokenSource } from '@x/external-bearer';
import type { ModelProviderInfo, ProviderAuthConfig } from '../config/providerInfoSchema.js';
import type { AuthSource } from '../pipeline/authSource.js';
import { ProviderConfigError } from '../providerConfigError.js';
import { HEADER_VALUE_RULE, isHeaderValue } from './headerSyntax.js';
import { openAiLoginSource } from './openAiLoginSource.js';
import { staticBearerSource } from './staticBearerSource.js';

export interface AuthContext {
  env: Record<string, string | undefined>;
  authManager?: AuthManager | undefined;
}

/** The `[auth]` command as a command token source (refreshed on interval, expiry and 401). */
export function commandSource(auth: ProviderAuthConfig): AuthSource {
  return createCommandTokenSource({
    command: auth.command,
    ...(auth.args === undefined ? {} : { args: auth.args }),
    ...(auth.timeout_ms === undefined ? {} : { timeoutMs: auth.timeout_ms }),
    ...(auth.refresh_interval_ms === undefined ? {} : { refreshIntervalMs: auth.refresh_interval_ms }),
    ...(auth.cwd === undefined ? {} : { cwd: auth.cwd }),
  });
}

/**
 * Codex's order for providers other than Bedrock (REFERENCE section 4): `env_key`, then
 * `experimental_bearer_token`, then the `auth` command, then the OpenAI login when
 * `requires_openai_auth`, else no auth.
 */
export function genericAuthSource(
  id: string,
  info: ModelProviderInfo,
  context: AuthContext,
): AuthSource | undefined {
  if (info.env_key !== undefined) {
    const value = context.env[info.env_key]?.trim();
    if (!value) {
      const hint = info.env_key_instructions ? ` ${info.env_key_instructions}` : '';
      throw new ProviderConfigError(
        'MISSING_ENV_KEY',
        `provider \`${id}\` needs the environment variable ${info.env_key}, which is not set or is blank.${hint}`,
        { field: `model_providers.${id}.env_key` },
      );
    }
    if (!isHeaderValue(value)) {
      throw new ProviderConfigError(
        'INVALID_CREDENTIAL_VALUE',
        `provider \`${id}\`: the environment variable ${info.env_key} (env_key) ${HEADER_VALUE_RULE}`,
        { field: `model_providers.${id}.env_key` },
      );
    }
    return staticBearerSource(value, { method: 'env-key', variable: info.env_key });
  }
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
