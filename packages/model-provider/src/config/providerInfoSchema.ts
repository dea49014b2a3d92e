import { z } from 'zod';

/** Codex's limits (REFERENCE section 4): values above the cap are clamped to it, as Codex does. */
export const MAX_REQUEST_MAX_RETRIES = 100;
export const MAX_STREAM_MAX_RETRIES = 100;
export const DEFAULT_REQUEST_MAX_RETRIES = 4;
export const DEFAULT_STREAM_MAX_RETRIES = 5;
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 300_000;

const nonBlank = z.string().trim().min(1, 'must not be empty');
const headerMap = z.record(z.string().min(1), z.string()).describe('header name -> value');

/** `[model_providers.<id>.auth]`: a command that prints a bearer token (see @x/external-bearer). */
export const providerAuthSchema = z
  .strictObject({
    command: z
      .string()
      .trim()
      .min(1, 'provider auth.command must not be empty')
      .describe('Program to run; bare names are looked up on PATH.'),
    args: z
      .array(z.string())
      .optional()
      .describe('Arguments, passed as an argv array, never through a shell.'),
    timeout_ms: z.number().int().positive('must be greater than 0').optional().describe('Default 5000.'),
    refresh_interval_ms: z
      .number()
      .int()
      .nonnegative('must be 0 or more')
      .optional()
      .describe('Default 300000; 0 refreshes only after a 401.'),
    cwd: z
      .string()
      .refine((value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value), 'must be an absolute path')
      .optional()
      .describe('Working directory of the command (absolute).'),
  })
  .describe('Bearer tokens minted by an external command.');

/** `[model_providers.<id>.aws]`: AWS SigV4 settings. */
export const providerAwsSchema = z
  .strictObject({
    profile: nonBlank.optional().describe('Named AWS profile.'),
    region: nonBlank.optional().describe('AWS region; defaults from the environment or the profile.'),
  })
  .describe('AWS SigV4 signing settings.');

/** One `[model_providers.<id>]` table, with Codex's field names. Unknown fields are rejected. */
export const providerInfoSchema = z
  .strictObject({
    name: nonBlank.describe('Display name.'),
    base_url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    env_key: nonBlank.optional().describe('Environment variable holding the API key.'),
    env_key_instructions: z.string().optional().describe('Shown when env_key is missing.'),
    experimental_bearer_token: nonBlank
      .optional()
      .describe('A bearer token written in the config (discouraged).'),
    auth: providerAuthSchema.optional(),
    aws: providerAwsSchema.optional(),
    wire_api: z.literal('responses').optional().describe('Only "responses" is supported.'),
    query_params: z.record(z.string(), z.string()).optional(),
    http_headers: headerMap.optional(),
    env_http_headers: headerMap
      .optional()
      .describe('header name -> environment variable; skipped when unset or blank'),
    request_max_retries: z.number().int().nonnegative().optional().describe('Default 4, at most 100.'),
    stream_max_retries: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Default 5, at most 100: re-requests of a stream that fails before its first byte.'),
    stream_idle_timeout_ms: z.number().int().positive().optional().describe('Default 300000.'),
    requires_openai_auth: z.boolean().optional().describe('Use the OpenAI login from the auth store.'),
    supports_websockets: z.boolean().optional(),
  })
  .describe('A model provider.');

export type ProviderAuthConfig = z.infer<typeof providerAuthSchema>;
export type ProviderAwsConfig = z.infer<typeof providerAwsSchema>;
export type ModelProviderInfo = z.infer<typeof providerInfoSchema>;
