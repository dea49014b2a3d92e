import { AuthStoreError } from '@x/auth-store';
import { AwsAuthError } from '@x/aws-auth';
import { CommandTokenError } from '@x/external-bearer';
import { ProviderConfigError, ProviderRequestError } from '@x/model-provider';
import { APIConnectionError } from 'openai';
import { DemoError } from './demoError.js';

/** An error class of ours: its message is written to be shown (never a secret) and it has a `code`. */
type OwnError = Error & { code: string };

const OWN_ERRORS = [
  DemoError,
  ProviderConfigError,
  ProviderRequestError,
  AuthStoreError,
  CommandTokenError,
  AwsAuthError,
] as const;

export function isOwnError(error: unknown): error is OwnError {
  return OWN_ERRORS.some((own) => error instanceof own);
}

/** `error` and its causes, outermost first (at most 10, so a cycle cannot loop). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let at = error; at !== undefined && at !== null && chain.length < 10 && !chain.includes(at); ) {
    chain.push(at);
    at = (at as { cause?: unknown }).cause;
  }
  return chain;
}

/** The first error of ours in `error`'s cause chain, itself included. */
export function ownCodedError(error: unknown): OwnError | undefined {
  return causeChain(error).find(isOwnError);
}

/**
 * The one line the user sees. Ours: the message and its code. The openai client's connection error:
 * the error of ours it wraps, else what the transport failure was called. An HTTP error: the status
 * and what the provider said. Anything else: the first line of its message.
 */
export function describeError(error: unknown): string {
  if (isOwnError(error)) return `${firstLine(error.message)} (${error.code})`;
  if (error instanceof APIConnectionError) {
    const own = ownCodedError(error.cause);
    if (own) return describeError(own);
    const what = causeChain(error.cause).map(label).join(' <- ');
    return `could not reach the provider${what ? ` (${what})` : ''}`;
  }
  return firstLine(error instanceof Error ? error.message : String(error));
}

/**
 * For `--verbose`: one entry per error in the cause chain. Ours with their message and stack frames;
 * anyone else's by class name and code only, since their messages may quote request details
 * (headers included) that were never redacted.
 */
export function describeCauseChain(error: unknown): string[] {
  return causeChain(error).flatMap((at, depth) => {
    const head = isOwnError(at) ? `${label(at)}: ${firstLine(at.message)}` : label(at);
    const frames =
      isOwnError(at) && at.stack ? at.stack.split('\n').filter((line) => /^\s+at /.test(line)) : [];
    return [`${depth === 0 ? '' : 'caused by: '}${head}`, ...frames];
  });
}

/** Class name, and `code` (or HTTP status) when there is one. */
function label(error: unknown): string {
  const name = error instanceof Error ? error.constructor.name || error.name : typeof error;
  const code = (error as { code?: unknown })?.code ?? (error as { status?: unknown })?.status;
  return typeof code === 'string' || typeof code === 'number' ? `${name} [${code}]` : name;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? 'unknown error';
}
