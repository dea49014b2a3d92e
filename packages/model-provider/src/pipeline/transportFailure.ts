import { ProviderRequestError } from '../errors.js';
import { redactPlatformError } from './redactPlatformError.js';

/** Whether an attempt failed because no response headers came in time. */
export function isResponseTimeout(cause: unknown): cause is ProviderRequestError {
  return cause instanceof ProviderRequestError && cause.code === 'RESPONSE_TIMEOUT';
}

/**
 * The error a request rejects with once its retries are spent on transport failures: RESPONSE_TIMEOUT
 * when the last attempt got no response headers in time, else TRANSPORT with a redacted stand-in of
 * the platform's error as `cause`.
 */
export function transportFailure(
  cause: unknown,
  method: string,
  target: URL,
  attempts: number,
): ProviderRequestError {
  if (isResponseTimeout(cause)) {
    return new ProviderRequestError(
      'RESPONSE_TIMEOUT',
      `${method} ${target.pathname}: ${cause.message} after ${attempts} attempt(s)`,
    );
  }
  return new ProviderRequestError(
    'TRANSPORT',
    `${method} ${target.pathname} failed after ${attempts} attempt(s): ${describeCause(cause)}`,
    { cause: redactPlatformError(cause) },
  );
}

/** Names the failure without quoting another library's message, which may carry request details. */
function describeCause(cause: unknown): string {
  const code = (cause as { cause?: { code?: unknown } })?.cause?.code ?? (cause as { code?: unknown })?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.name : 'unknown error';
}
