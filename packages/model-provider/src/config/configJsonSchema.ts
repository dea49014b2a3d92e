import { toJsonSchema } from '@x/config-schema';
import { configFileSchema } from './configSchema.js';

/**
 * The JSON Schema (draft-07) of `config.toml`, generated from the same schema that validates it.
 * The checked-in copy is `schema/config.schema.json`; a test fails when the two drift.
 * @public
 */
export function configJsonSchema(): Record<string, unknown> {
  return { ...toJsonSchema(configFileSchema), title: 'Model provider configuration' };
}
