import { pick } from '@x/config-schema';
import { providerInfoSchema } from './providerInfoSchema.js';

/** The fields a user's table may set for a built-in Amazon Bedrock provider, in the order messages list them. */
export const BUILT_IN_OVERRIDE_FIELDS = ['base_url', 'auth', 'http_headers', 'aws'] as const;

/**
 * What a user's table may set for a built-in Amazon Bedrock provider: Codex lets `base_url`, `auth`,
 * `http_headers` and `aws` through and rejects the rest.
 */
export const builtInOverrideSchema = pick(providerInfoSchema, BUILT_IN_OVERRIDE_FIELDS, {
  description: 'Overrides for a built-in Amazon Bedrock provider.',
});
