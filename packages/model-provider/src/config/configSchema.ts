import { z } from 'zod';
import { builtInOverrideSchema } from './builtInOverrideSchema.js';
import { providerInfoSchema } from './providerInfoSchema.js';
import { profileSchema, selectionShape } from './selectionSchema.js';

export const providerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, 'provider ids use letters, digits, ".", "_" and "-"');

/**
 * The parts of a Codex-style `config.toml` this package reads. Other top-level keys of a Codex config
 * (approval policy, sandbox mode, MCP servers, ...) are allowed and ignored so an existing file loads
 * as it is; inside a provider table every field is checked. Validation checks each provider table
 * against `providerInfoSchema` or, for a built-in id, `builtInOverrideSchema`; this union only
 * describes the file for the generated JSON Schema.
 */
export const configFileSchema = z
  .looseObject({
    ...selectionShape,
    profile: z
      .string()
      .min(1)
      .optional()
      .describe('Name of the profile (a table under [profiles]) to apply over the top level.'),
    profiles: z.record(z.string(), profileSchema).optional().describe('Named profiles.'),
    model_providers: z
      .record(providerIdSchema, z.union([providerInfoSchema, builtInOverrideSchema]))
      .optional()
      .describe(
        'Providers by id. A built-in id (amazon-bedrock, amazon-bedrock-runtime) takes only the override fields.',
      ),
  })
  .describe('Model provider configuration (config.toml).');

export type ConfigFile = z.infer<typeof configFileSchema>;
