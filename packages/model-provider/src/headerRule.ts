/**
 * What HTTP lets into a header: a name is a token (letters, digits and ``!#$%&'*+-.^_`|~``); a value
 * is visible ASCII, spaces, tabs and bytes 0x80-0xFF. CR, LF, NUL, other control characters and
 * anything above 0xFF make `fetch` throw (quoting the whole value), so values are checked before a
 * request is built from them.
 */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Whether `name` can be sent as an HTTP header name. */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** Whether `value` can be sent as an HTTP header value. */
export function isHeaderValue(value: string): boolean {
  return FIELD_VALUE.test(value);
}

/** Says what is wrong with a refused value without showing any of it. */
export const HEADER_VALUE_RULE =
  'holds characters not allowed in an HTTP header value (CR, LF, NUL, another control character or a character above U+00FF)';

/** A header name for a message: quoted, with control characters escaped, so it cannot break the line. */
export function quoteHeaderName(name: string): string {
  return JSON.stringify(name);
}
