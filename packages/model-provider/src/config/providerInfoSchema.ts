import { isHeaderName, isHeaderValue } from '@x/auth-seam';
import {
  array,
  boolean,
  literal,
  number,
  optional,
  type Problem,
  record,
  refine,
  strictObject,
  string,
  url,
} from '@x/config-schema';
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
 * A refinement's problem, reported with this code instead of `INVALID_FIELD`. Messages say what is
 * wrong, never the value.
 */
const coded = (code: ProviderConfigErrorCode, message: string, path: string[] = []): Problem => ({
  code,
  message,
  path,
});

const nonBlank = string({ trim: true, minLength: 1, message: 'must not be empty' });
const TOO_LONG = `must be at most ${MAX_TIMER_MS} (about 24.8 days)`;
const milliseconds = (least: { minimum: 0 } | { exclusiveMinimum: 0 }, message?: string) =>
  number({
    integer: true,
    ...least,
    maximum: MAX_TIMER_MS,
    messages: { maximum: TOO_LONG, ...(message !== undefined && { minimum: message }) },
  });
const count = number({ integer: true, minimum: 0 });

/** Header names must be HTTP tokens; `valueRule` checks each value (a literal, or a variable name). */
const headerMap = (valueRule: (value: string) => string | undefined) =>
  refine(record(string()), (headers) => {
    const problems: Problem[] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (!isHeaderName(name)) {
        problems.push(
          coded('INVALID_HEADER', `header name ${quoteHeaderName(name)} is not a valid HTTP header name`),
        );
        continue;
      }
      const problem = valueRule(value);
      if (problem !== undefined) problems.push(coded('INVALID_HEADER', problem, [name]));
    }
    return problems;
  });

const literalHeaderValue = (value: string): string | undefined =>
  isHeaderValue(value) ? undefined : `the value ${HEADER_VALUE_RULE}`;

// A variable name is never sent, but one with `=`, NUL or a line break cannot name a variable.
const variableName = (value: string): string | undefined =>
  value.trim() === '' || /[=\0\r\n]/.test(value)
    ? 'must name an environment variable (not blank, without `=`, NUL or line breaks)'
    : undefined;

/** `[model_providers.<id>.auth]`: a command that prints a bearer token (see @x/external-bearer). */
export const providerAuthSchema = strictObject(
  {
    command: string({
      trim: true,
      minLength: 1,
      message: 'provider auth.command must not be empty',
      description: 'Program to run; bare names are looked up on PATH.',
    }),
    args: optional(array(string()), {
      description: 'Arguments, passed as an argv array, never through a shell.',
    }),
    timeout_ms: optional(milliseconds({ exclusiveMinimum: 0 }, 'must be greater than 0'), {
      description: 'Default 5000.',
    }),
    refresh_interval_ms: optional(milliseconds({ minimum: 0 }, 'must be 0 or more'), {
      description: 'Default 300000; 0 refreshes only after a 401.',
    }),
    cwd: optional(
      refine(string(), (value) =>
        value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)
          ? undefined
          : { message: 'must be an absolute path' },
      ),
      { description: 'Working directory of the command (absolute).' },
    ),
  },
  { description: 'Bearer tokens minted by an external command.' },
);

/** `[model_providers.<id>.aws]`: AWS SigV4 settings. */
export const providerAwsSchema = strictObject(
  {
    profile: optional(nonBlank, { description: 'Named AWS profile.' }),
    region: optional(nonBlank, { description: 'AWS region; defaults from the environment or the profile.' }),
  },
  { description: 'AWS SigV4 signing settings.' },
);

const baseUrl = refine(url({ protocols: ['http', 'https'], message: 'must be an http(s) URL' }), (value) =>
  hasUserinfo(value)
    ? coded(
        'BASE_URL_USERINFO',
        'must not contain a user name or password; use env_key, experimental_bearer_token or auth',
      )
    : undefined,
);

/** One `[model_providers.<id>]` table, with Codex's field names. Unknown fields are rejected. */
export const providerInfoSchema = strictObject(
  {
    name: string({ trim: true, minLength: 1, message: 'must not be empty', description: 'Display name.' }),
    base_url: optional(baseUrl),
    env_key: optional(nonBlank, { description: 'Environment variable holding the API key.' }),
    env_key_instructions: optional(string(), { description: 'Shown when env_key is missing.' }),
    experimental_bearer_token: optional(
      refine(nonBlank, (token) =>
        isHeaderValue(token) ? undefined : coded('INVALID_CREDENTIAL_VALUE', HEADER_VALUE_RULE),
      ),
      { description: 'A bearer token written in the config (discouraged).' },
    ),
    auth: optional(providerAuthSchema),
    aws: optional(providerAwsSchema),
    wire_api: optional(literal('responses'), { description: 'Only "responses" is supported.' }),
    query_params: optional(record(string())),
    http_headers: optional(headerMap(literalHeaderValue), { description: 'header name -> value' }),
    env_http_headers: optional(headerMap(variableName), {
      description: 'header name -> environment variable; skipped when unset or blank',
    }),
    request_max_retries: optional(count, { description: 'Default 4, at most 100.' }),
    stream_max_retries: optional(count, {
      description: 'Default 5, at most 100: re-requests of a stream that fails before its first byte.',
    }),
    stream_idle_timeout_ms: optional(milliseconds({ exclusiveMinimum: 0 }), {
      description: 'Default 300000; also the wait for response headers.',
    }),
    requires_openai_auth: optional(boolean(), { description: 'Use the OpenAI login from the auth store.' }),
    supports_websockets: optional(boolean()),
  },
  { description: 'A model provider.' },
);
