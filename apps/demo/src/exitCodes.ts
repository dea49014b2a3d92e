import { AuthStoreError } from '@x/auth-store';
import { CommandTokenError } from '@x/external-bearer';
import { ProviderConfigError, ProviderRequestError } from '@x/model-provider';

/** Distinct exit codes, so scripts can tell what went wrong. */
export const ExitCode = {
  ok: 0,
  /** Not logged in, a failed check, anything else. */
  failure: 1,
  /** Bad arguments, options or config. */
  usage: 2,
  /** Missing, rejected or unusable credentials. */
  auth: 3,
  /** The provider could not be reached, or failed. */
  network: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI prints as one line and exits with `exitCode`. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

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

/** Maps any error (ours, the openai client's, Node's) to an exit code. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof DemoError) return error.exitCode;
  if (error instanceof ProviderConfigError)
    return AUTH_CONFIG_CODES.has(error.code) ? ExitCode.auth : ExitCode.usage;
  if (error instanceof AuthStoreError) return AUTH_STORE_EXIT_CODES[error.code] ?? ExitCode.auth;
  if (error instanceof CommandTokenError) return ExitCode.auth;
  if (error instanceof ProviderRequestError)
    return error.code === 'ORIGIN_MISMATCH' ? ExitCode.auth : ExitCode.network;
  const name = (error as { name?: unknown })?.name;
  if (name === 'AwsAuthError') return ExitCode.auth;
  const status = (error as { status?: unknown })?.status;
  if (status === 401 || status === 403) return ExitCode.auth;
  if (typeof status === 'number') return status >= 500 ? ExitCode.network : ExitCode.failure;
  const cause = (error as { cause?: unknown })?.cause;
  if (cause !== undefined && cause !== error) return exitCodeFor(cause);
  if (name === 'APIConnectionError' || name === 'APIConnectionTimeoutError') return ExitCode.network;
  return ExitCode.failure;
}

/** One line for the user: our errors' messages are written to be shown; the root cause is preferred. */
export function describeError(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  const name = (error as { name?: unknown })?.name;
  if ((name === 'APIConnectionError' || name === 'APIConnectionTimeoutError') && cause instanceof Error) {
    return describeError(cause);
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? 'unknown error';
}
