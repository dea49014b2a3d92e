import { AuthStoreError } from '@x/auth-store';
import { AwsAuthError } from '@x/aws-auth';
import { CommandTokenError } from '@x/external-bearer';
import { ProviderConfigError, ProviderRequestError } from '@x/model-provider';
import { APIConnectionError, APIError } from 'openai';
import { DemoError } from './demoError.js';
import { ownCodedError } from './errorReport.js';

/** Distinct exit codes, so scripts can tell what went wrong. */
export const ExitCode = {
  ok: 0,
  /** Not logged in, a failed tour, another HTTP error (a 429, say), anything unexpected. */
  failure: 1,
  /** Bad arguments, options or config. */
  usage: 2,
  /** Missing or unusable credentials, or the provider refused them (401, 403). */
  auth: 3,
  /** The provider could not be reached, or stopped answering. */
  network: 4,
  /** The provider answered with a server error (5xx). */
  server: 5,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

const AUTH_CONFIG_CODES = new Set([
  'MISSING_ENV_KEY',
  'OPENAI_AUTH_REQUIRED',
  'BEDROCK_KEY_UNSUPPORTED',
  'AUTH_RESOLUTION_FAILED',
]);

/** Auth store failures that are not about the credentials themselves. */
const AUTH_STORE_EXIT_CODES: Readonly<Record<string, ExitCodeValue>> = {
  INVALID_REGION: ExitCode.usage,
  INVALID_OPTION: ExitCode.usage,
  REFRESH_TRANSIENT: ExitCode.network,
};

const REQUEST_EXIT_CODES: Readonly<Record<string, ExitCodeValue>> = {
  ORIGIN_MISMATCH: ExitCode.auth,
  INVALID_URL: ExitCode.usage,
  INVALID_HEADER_VALUE: ExitCode.usage,
  TRANSPORT: ExitCode.network,
  RESPONSE_TIMEOUT: ExitCode.network,
  STREAM_IDLE_TIMEOUT: ExitCode.network,
};

/** Maps any error (ours, the openai client's, Node's) to an exit code. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof DemoError) return error.exitCode;
  // The openai client wraps whatever its fetch threw (our provider fetch's errors included) as a
  // connection error: the coded error inside says what really happened.
  if (error instanceof APIConnectionError) {
    const own = ownCodedError(error.cause);
    return own ? exitCodeFor(own) : ExitCode.network;
  }
  if (error instanceof APIError && typeof error.status === 'number') return exitCodeForStatus(error.status);
  if (error instanceof ProviderConfigError)
    return AUTH_CONFIG_CODES.has(error.code) ? ExitCode.auth : ExitCode.usage;
  if (error instanceof AuthStoreError) return AUTH_STORE_EXIT_CODES[error.code] ?? ExitCode.auth;
  if (error instanceof CommandTokenError || error instanceof AwsAuthError) return ExitCode.auth;
  if (error instanceof ProviderRequestError) return REQUEST_EXIT_CODES[error.code] ?? ExitCode.failure;
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number') return exitCodeForStatus(status);
  const own = ownCodedError((error as { cause?: unknown })?.cause);
  return own ? exitCodeFor(own) : ExitCode.failure;
}

/** 401 and 403: refused; 5xx: the server failed; any other error status is a plain failure. */
export function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 401 || status === 403) return ExitCode.auth;
  return status >= 500 ? ExitCode.server : ExitCode.failure;
}
