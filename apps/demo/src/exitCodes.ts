import { APIConnectionError, APIError } from 'openai';
import { DemoError } from './demoError.js';
import { type OwnError, ownCodedError } from './errorReport.js';
import { ExitCode, type ExitCodeValue } from './exitCode.js';

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

/** Exit codes of our coded errors, by class name (`explainError` knows copies of them by name too). */
function exitCodeForOwn(own: OwnError): ExitCodeValue {
  const { error, code, name } = own;
  if (error instanceof DemoError) return error.exitCode;
  if (name === 'ProviderConfigError') return AUTH_CONFIG_CODES.has(code) ? ExitCode.auth : ExitCode.usage;
  if (name === 'AuthStoreError') return AUTH_STORE_EXIT_CODES[code] ?? ExitCode.auth;
  if (name === 'CommandTokenError' || name === 'AwsAuthError') return ExitCode.auth;
  if (name === 'ProviderRequestError') return REQUEST_EXIT_CODES[code] ?? ExitCode.failure;
  return ExitCode.failure;
}

/**
 * Maps any error (ours, the openai client's, Node's) to an exit code. The openai client wraps
 * whatever its fetch threw (our errors included) as a connection error: the coded error inside,
 * found by `explainError`, says what really happened.
 */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof APIError && typeof error.status === 'number') return exitCodeForStatus(error.status);
  const own = ownCodedError(error);
  if (own) return exitCodeForOwn(own);
  if (error instanceof APIConnectionError) return ExitCode.network;
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? exitCodeForStatus(status) : ExitCode.failure;
}

/** 401 and 403: refused; 5xx: the server failed; any other error status is a plain failure. */
export function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 401 || status === 403) return ExitCode.auth;
  return status >= 500 ? ExitCode.server : ExitCode.failure;
}
