import { z } from 'zod';
import { configFileSchema } from './configSchema.js';

/**
 * The JSON Schema (draft-07) of `config.toml`, generated from the same zod schema that validates it.
 * The checked-in copy is `schema/config.schema.json`; a test fails when the two drift.
 * @public
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configFileSchema, { target: 'draft-07', io: 'input', unrepresentable: 'throw' }),
    title: 'Model provider configuration',
  };
}
