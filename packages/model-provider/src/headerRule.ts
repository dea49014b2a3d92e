/**
 * Says what is wrong with a refused header value without showing any of it. What HTTP lets into a
 * header is checked with `@x/auth-seam`'s `isHeaderName` / `isHeaderValue`; CR, LF, NUL, other
 * control characters and anything above 0xFF make `fetch` throw (quoting the whole value), so values
 * are checked before a request is built from them.
 */
export const HEADER_VALUE_RULE =
  'holds characters not allowed in an HTTP header value (CR, LF, NUL, another control character or a character above U+00FF)';

/** A header name for a message: quoted, with control characters escaped, so it cannot break the line. */
export function quoteHeaderName(name: string): string {
  return JSON.stringify(name);
}
