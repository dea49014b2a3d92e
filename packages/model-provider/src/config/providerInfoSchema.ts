import { isHeaderName, isHeaderValue } from '@x/auth-seam';
import { z } from 'zod';
import type { ProviderConfigErrorCode } from '../errors.js';
import { HEADER_VALUE_RULE, quoteHeaderName } from '../headerRule.js';
import { hasUserinfo } from './urlUserinfo.js';

export {
  DEFAULT_REQUEST_MAX_RETRIES,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  DEFAULT_STREAM_MAX_RETRIES,
  MAX_REQUEST_MAX_RETRIES,
  MAX_STREAM_MAX_RETRIES,
} from './retryLimits.js';

/** The longest delay a platform timer honours; larger values would fire after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Issues carrying `params.code` are reported with that code instead of `INVALID_FIELD`. Messages say
 * what is wrong, never the value.
 */
const coded = (code: ProviderConfigErrorCode, message: string) => ({ message, params: { code } });

const nonBlank = z.string().trim().min(1, 'must not be empty');
const milliseconds = z.number().int().max(MAX_TIMER_MS, `must be at most ${MAX_TIMER_MS} (about 24.8 days)`);

/** Header names must be HTTP tokens; `valueRule` checks each value (a literal, or a variable name). */
const headerMap = (valueRule: (value: string) => string | undefined) =>
  z.record(z.string(), z.string()).superRefine((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!isHeaderName(name)) {
        ctx.addIssue({
          code: 'custom',
          ...coded('INVALID_HEADER', `header name ${quoteHeaderName(name)} is not a valid HTTP header name`),
        });
        continue;
      }
      const problem = valueRule(value);
      if (problem !== undefined)
        ctx.addIssue({ code: 'custom', path: [name], ...coded('INVALID_HEADER', problem) });
    }
  });

const literalHeaderValue = (value: string): string | undefined =>
  isHeaderValue(value) ? undefined : `the value ${HEADER_VALUE_RULE}`;

// A variable name is never sent, but one with `=`, NUL or a line break cannot name a variable.
const variableName = (value: string): string | undefined =>
  value.trim() === '' || /[=\0\r\n]/.test(value)
    ? 'must name an environment variable (not blank, without `=`, NUL or line breaks)'
    : undefined;

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
    timeout_ms: milliseconds.positive('must be greater than 0').optional().describe('Default 5000.'),
    refresh_interval_ms: milliseconds
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
    base_url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .refine(
        (url) => !hasUserinfo(url),
        coded(
          'BASE_URL_USERINFO',
          'must not contain a user name or password; use env_key, experimental_bearer_token or auth',
        ),
      )
      .optional(),
    env_key: nonBlank.optional().describe('Environment variable holding the API key.'),
    env_key_instructions: z.string().optional().describe('Shown when env_key is missing.'),
    experimental_bearer_token: nonBlank
      .refine(isHeaderValue, coded('INVALID_CREDENTIAL_VALUE', HEADER_VALUE_RULE))
      .optional()
      .describe('A bearer token written in the config (discouraged).'),
    auth: providerAuthSchema.optional(),
    aws: providerAwsSchema.optional(),
    wire_api: z.literal('responses').optional().describe('Only "responses" is supported.'),
    query_params: z.record(z.string(), z.string()).optional(),
    http_headers: headerMap(literalHeaderValue).optional().describe('header name -> value'),
    env_http_headers: headerMap(variableName)
      .optional()
      .describe('header name -> environment variable; skipped when unset or blank'),
    request_max_retries: z.number().int().nonnegative().optional().describe('Default 4, at most 100.'),
    stream_max_retries: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Default 5, at most 100: re-requests of a stream that fails before its first byte.'),
    stream_idle_timeout_ms: milliseconds
      .positive()
      .optional()
      .describe('Default 300000; also the wait for response headers.'),
    requires_openai_auth: z.boolean().optional().describe('Use the OpenAI login from the auth store.'),
    supports_websockets: z.boolean().optional(),
  })
  .describe('A model provider.');
