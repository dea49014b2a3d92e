import { providerInfoSchema } from './providerInfoSchema.js';

/**
 * What a user's table may set for a built-in Amazon Bedrock provider: Codex lets `base_url`, `auth`,
 * `http_headers` and `aws` through and rejects the rest.
 */
export const builtInOverrideSchema = providerInfoSchema
  .pick({ base_url: true, auth: true, http_headers: true, aws: true })
  .describe('Overrides for a built-in Amazon Bedrock provider.');

export const BUILT_IN_OVERRIDE_FIELDS = Object.keys(builtInOverrideSchema.shape) as readonly string[];
