import { ProviderConfigError, ProviderRequestError } from './errors.js';

/**
 * Our coded error found by {@link explainError}: its stable `code`, its `message` (which never holds
 * a secret), its class `name`, and the error itself.
 * @public
 */
export interface ExplainedError {
  /** The error's stable code, e.g. `EXIT_STATUS` or `ORIGIN_MISMATCH`. */
  code: string;
  /** Its message: names the field, file, variable or command, never a secret. */
  message: string;
  /** Its class, e.g. `CommandTokenError`. */
  name: string;
  /** The error itself, with its own `cause` below it. */
  error: Error;
}

/** The error classes of the four packages; one from another installed copy is known by name. */
const OUR_ERROR_NAMES: ReadonlySet<string> = new Set([
  'AwsAuthError',
  'CommandTokenError',
  'AuthStoreError',
  'ProviderConfigError',
  'ProviderRequestError',
]);
/** How many errors are looked at, at most: a guard against hostile or endless chains. */
const MAX_VISITED = 64;

function isOurs(value: unknown): value is Error & { code: string } {
  if (value instanceof ProviderConfigError || value instanceof ProviderRequestError) return true;
  if (typeof value !== 'object' || value === null) return false;
  try {
    const { name, code } = value as { name?: unknown; code?: unknown };
    return typeof name === 'string' && OUR_ERROR_NAMES.has(name) && typeof code === 'string';
  } catch {
    return false;
  }
}

/** The errors directly below `value`: its `cause`, an AggregateError's `errors`, a retry error's `lastError`. */
function below(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: unknown[] = [];
  try {
    const { cause, errors, lastError } = value as { cause?: unknown; errors?: unknown; lastError?: unknown };
    if (cause !== undefined) found.push(cause);
    if (lastError !== undefined) found.push(lastError);
    if (Array.isArray(errors)) found.push(...errors.slice(0, MAX_VISITED));
  } catch {
    // a getter that throws hides what is below it; what was found so far still counts
  }
  return found;
}

/**
 * The first of our coded errors (`AwsAuthError`, `CommandTokenError`, `AuthStoreError`,
 * `ProviderConfigError`, `ProviderRequestError`) in `error` or anywhere below it, else `null`. Clients
 * wrap what a `fetch` throws: the official `openai` client rejects with an `APIConnectionError`
 * ("Connection error.") whose `cause` is our error; other wrappers keep it as `cause`, in `errors`
 * or as `lastError`. The outermost match wins; cycles and very long chains are safe.
 * @public
 */
export function explainError(error: unknown): ExplainedError | null {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  for (let visits = 0; queue.length > 0 && visits < MAX_VISITED; visits++) {
    const current = queue.shift();
    if (seen.has(current)) continue;
    seen.add(current);
    if (isOurs(current)) {
      return { code: current.code, message: current.message, name: current.name, error: current };
    }
    queue.push(...below(current));
  }
  return null;
}
