import { explainError } from '@x/model-provider';
import { APIConnectionError } from 'openai';
import { DemoError } from './demoError.js';

/** An error of ours: its message is written to be shown (never a secret) and it has a `code`. */
export interface OwnError {
  code: string;
  message: string;
  /** Its class, e.g. `CommandTokenError`. */
  name: string;
  error: Error;
}

/**
 * The error of ours that says what went wrong: the CLI's own, else the first coded error of the
 * @x packages anywhere in `error`'s causes (`explainError`), however a client wrapped it.
 */
export function ownCodedError(error: unknown): OwnError | undefined {
  if (error instanceof DemoError)
    return { code: error.code, message: error.message, name: error.name, error };
  return explainError(error) ?? undefined;
}

/** `error` and its causes, outermost first (at most 10, so a cycle cannot loop). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let at = error; at !== undefined && at !== null && chain.length < 10 && !chain.includes(at); ) {
    chain.push(at);
    at = (at as { cause?: unknown }).cause;
  }
  return chain;
}

/** Whether `error` is itself one of ours (not merely wrapping one). */
function isOwn(error: unknown): error is Error {
  return ownCodedError(error)?.error === error;
}

/**
 * The one line the user sees. Ours, wherever it hides: the message and its code. The openai
 * client's connection error with nothing of ours inside: what the transport failure was called. An
 * HTTP error: the status and what the provider said. Anything else: the first line of its message.
 */
export function describeError(error: unknown): string {
  const own = ownCodedError(error);
  if (own) return `${firstLine(own.message)} (${own.code})`;
  if (error instanceof APIConnectionError) {
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
    const own = isOwn(at);
    const head = own ? `${label(at)}: ${firstLine(at.message)}` : label(at);
    const frames = own && at.stack ? at.stack.split('\n').filter((line) => /^\s+at /.test(line)) : [];
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
