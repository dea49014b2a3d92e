import { rejectionOf } from '@x/test-kit';
import { loadConfig } from '../config/loadConfig.js';
import { ProviderConfigError } from '../errors.js';

/** The ProviderConfigError `loadConfig` rejects this TOML with (the test fails if it loads). */
export async function configError(toml: string, file?: string): Promise<ProviderConfigError> {
  return rejectionOf(loadConfig({ toml, file }), ProviderConfigError);
}
