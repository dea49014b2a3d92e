import { isHeaderName, isHeaderValue } from '../internal/headerSyntax.js';

/** Leading and trailing whitespace `fetch` strips from a value before checking it. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * The first header `fetch` would refuse (a name that is not an HTTP token, or a value with CR, LF,
 * NUL, another control character or a character above U+00FF inside it), else undefined. Headers
 * whose value is the same in `checked` were looked at already and are skipped.
 */
export function unsafeHeader(
  headers: Record<string, string>,
  checked?: Record<string, string>,
): string | undefined {
  for (const name in headers) {
    const value = headers[name] as string;
    if (checked !== undefined && checked[name] === value) continue;
    if (!isHeaderName(name) || !isHeaderValue(value.replace(EDGE_WHITESPACE, ''))) return name;
  }
  return undefined;
}
