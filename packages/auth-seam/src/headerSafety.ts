// What HTTP lets through in a header. Credentials are checked against these where they are read,
// so a bad value is refused with a message naming its source instead of reaching fetch, whose own
// error quotes the whole header, secret included.

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Visible ASCII, space, tab and obs-text (0x80-0xFF): anything else (CR, LF, NUL, other controls,
// characters above 0xFF) is refused by fetch or would split the header.
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * True when `name` is a valid header field name (an RFC 9110 token).
 * @public
 */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/**
 * True when `value` can be sent as a header field value as it is.
 * @public
 */
export function isHeaderValue(value: string): boolean {
  return FIELD_VALUE.test(value);
}
