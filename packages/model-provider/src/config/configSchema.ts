import { looseObject, optional, record, string, union } from '@x/config-schema';
import { builtInOverrideSchema } from './builtInOverrideSchema.js';
import { providerInfoSchema } from './providerInfoSchema.js';
import { profileSchema, selectionShape } from './selectionSchema.js';

export const providerIdSchema = string({
  pattern: /^[A-Za-z0-9_.-]+$/,
  message: 'provider ids use letters, digits, ".", "_" and "-"',
});

/** The top-level keys other than the provider tables, which validation checks one by one. */
export const topLevelShape = {
  ...selectionShape,
  profile: optional(string({ minLength: 1 }), {
    description: 'Name of the profile (a table under [profiles]) to apply over the top level.',
  }),
  profiles: optional(record(profileSchema), { description: 'Named profiles.' }),
};

/**
 * The top level of a `config.toml` without `model_providers`. Other top-level keys of a Codex config
 * (approval policy, sandbox mode, MCP servers, ...) are allowed and ignored so an existing file loads
 * as it is.
 */
export const topLevelSchema = looseObject(topLevelShape);

/**
 * The parts of a Codex-style `config.toml` this package reads, for the generated JSON Schema. Inside
 * a provider table every field is checked: validation checks each one against `providerInfoSchema`
 * or, for a built-in id, `builtInOverrideSchema`; the union here only describes the file.
 */
export const configFileSchema = looseObject(
  {
    ...topLevelShape,
    model_providers: optional(
      record(union([providerInfoSchema, builtInOverrideSchema]), { keys: providerIdSchema }),
      {
        description:
          'Providers by id. A built-in id (amazon-bedrock, amazon-bedrock-runtime) takes only the override fields.',
      },
    ),
  },
  { description: 'Model provider configuration (config.toml).' },
);
