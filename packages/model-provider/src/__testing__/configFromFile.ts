import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@x/test-kit';
import { loadConfig } from '../config/loadConfig.js';
import type { ProviderConfig } from '../config/providerConfig.js';

/**
 * Writes `toml` to a real `config.toml` in a fresh temp folder (removed after the test) and loads it
 * the way a user's file is loaded.
 */
export async function configFromFile(toml: string): Promise<ProviderConfig> {
  const file = join(await tempDir('x-wire-config-'), 'config.toml');
  await writeFile(file, toml);
  return loadConfig({ file });
}
