// The config entry points, kept off the import path: reading a config loads the TOML parser and the
// validator, which a caller that only builds a registry from an already loaded config, or only uses
// the pipeline, should not pay (measured: importing the package costs about a third less CPU above a
// bare node start this way). loadConfig imports them on its first call; configJsonSchema returns the
// schema shipped in schema/config.schema.json, which a test keeps equal to the generated one.
import { readFileSync } from 'node:fs';
import type { ConfigSource } from './config/loadConfig.js';
import type { ProviderConfig } from './config/providerConfig.js';

/**
 * Reads and validates a Codex-style `config.toml`. A missing file is an empty configuration only
 * when `toml` is given too; otherwise it is an error naming the file.
 * @public
 */
export async function loadConfig(source: ConfigSource): Promise<ProviderConfig> {
  const { loadConfig: load } = await import('./config/loadConfig.js');
  return load(source);
}

/**
 * The JSON Schema (draft-07) of `config.toml`, generated from the same schema that validates it
 * (the copy shipped as `@x/model-provider/schema/config.schema.json`).
 * @public
 */
export function configJsonSchema(): Record<string, unknown> {
  const file = new URL('../schema/config.schema.json', import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
