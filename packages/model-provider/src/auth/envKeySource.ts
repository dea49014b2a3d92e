import type { AuthSource } from '@x/auth-seam';
import { isHeaderValue } from '@x/auth-seam';
import { ProviderConfigError } from '../errors.js';
import { HEADER_VALUE_RULE } from '../headerRule.js';
import { staticBearerSource } from './staticBearerSource.js';

/**
 * The API key in a provider's `env_key` variable, read once when the provider is built. Unset or
 * blank is MISSING_ENV_KEY (with `env_key_instructions`); a value no header can carry is refused
 * naming the variable, never showing the value.
 */
export function envKeySource(
  id: string,
  variable: string,
  instructions: string | undefined,
  env: Record<string, string | undefined>,
): AuthSource {
  const value = env[variable]?.trim();
  if (!value) {
    const hint = instructions ? ` ${instructions}` : '';
    throw new ProviderConfigError(
      'MISSING_ENV_KEY',
      `provider \`${id}\` needs the environment variable ${variable}, which is not set or is blank.${hint}`,
      { field: `model_providers.${id}.env_key` },
    );
  }
  if (!isHeaderValue(value)) {
    throw new ProviderConfigError(
      'INVALID_CREDENTIAL_VALUE',
      `provider \`${id}\`: the environment variable ${variable} (env_key) ${HEADER_VALUE_RULE}`,
      { field: `model_providers.${id}.env_key` },
    );
  }
  return staticBearerSource(value, { method: 'env-key', variable });
}
