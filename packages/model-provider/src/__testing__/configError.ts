import { expect } from 'vitest';
import { loadConfig } from '../config/loadConfig.js';
import { ProviderConfigError } from '../errors.js';

/** The ProviderConfigError `loadConfig` rejects this TOML with (the test fails if it loads). */
export async function configError(toml: string, file?: string): Promise<ProviderConfigError> {
  const error = await loadConfig({ toml, file }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderConfigError);
  return error as ProviderConfigError;
}
