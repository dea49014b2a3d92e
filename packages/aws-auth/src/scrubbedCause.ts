// Errors from fetch, Headers and node:http about an invalid header quote the header's value, which is
// often a credential. Before such an error becomes the `cause` of one of ours, its message is withheld
// (the class name, code and stack frames are kept so the failure can still be traced).

const ABOUT_A_HEADER = /invalid[\s\S]*header|header[\s\S]*invalid|ByteString/i;
const WITHHELD = '(message withheld: it may quote a header value)';
const MAX_DEPTH = 8;

function tells(text: string, known: readonly string[]): boolean {
  return ABOUT_A_HEADER.test(text) || known.some((secret) => secret !== '' && text.includes(secret));
}

/** True when `error` or anything in its cause chain may quote a header value or one of `known`. */
export function mayQuoteHeader(error: unknown, known: readonly string[] = []): boolean {
  let current = error;
  for (let depth = 0; depth < MAX_DEPTH && current !== undefined && current !== null; depth += 1) {
    if (typeof current === 'string') return tells(current, known);
    if (!(current instanceof Error)) return false;
    if (tells(`${current.message}\n${current.stack ?? ''}`, known)) return true;
    current = current.cause;
  }
  return false;
}

function copy(error: unknown, known: readonly string[], depth: number): unknown {
  if (typeof error === 'string') return tells(error, known) ? WITHHELD : error;
  if (!(error instanceof Error)) return error;
  if (depth >= MAX_DEPTH) return undefined;
  const message = tells(error.message, known) ? WITHHELD : error.message;
  const out = new Error(message);
  const name = tells(error.name, known) ? 'Error' : error.name;
  out.name = name;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line) && !tells(line, known));
  out.stack = [`${name}: ${message}`, ...frames].join('\n');
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && !tells(code, known)) Object.assign(out, { code });
  if (error.cause !== undefined) out.cause = copy(error.cause, known, depth + 1);
  return out;
}

/**
 * `error` itself when nothing in its chain may quote a header value or one of `known`; otherwise a
 * copy of the chain whose offending messages are withheld.
 */
export function scrubbedCause(error: unknown, known: readonly string[] = []): unknown {
  return mayQuoteHeader(error, known) ? copy(error, known, 0) : error;
}
