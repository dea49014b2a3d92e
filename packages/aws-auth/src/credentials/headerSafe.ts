import { isHeaderValue } from '@x/auth-seam';
import { AwsAuthError } from '../errors.js';

// Credential values travel in header values (Authorization, x-amz-security-token). A value with a
// byte a header cannot carry makes fetch throw an error that quotes the whole header, secret
// included; refusing it where it is read keeps it out of every message. Keys and tokens are
// stricter than HTTP: besides what a header may carry, they hold no space, tab or non-ASCII byte.
const NOT_IN_A_TOKEN = /[ \t\x80-\xff]/;

/** True when `value` can be a credential: a valid header value that is printable ASCII without spaces. */
export function isCredentialValue(value: string): boolean {
  return isHeaderValue(value) && !NOT_IN_A_TOKEN.test(value);
}

function offence(value: string): string {
  const codes = Array.from(value, (ch) => ch.codePointAt(0) ?? 0);
  if (codes.some((code) => code < 0x20 || code === 0x7f))
    return 'a control character (such as CR, LF or NUL)';
  if (codes.includes(0x20)) return 'a space';
  return 'a non-ASCII character';
}

/**
 * Returns `value` when {@link isCredentialValue} accepts it; otherwise throws INVALID_CREDENTIAL_VALUE
 * naming `source` (an option, variable, profile or provider), never the value.
 */
export function headerSafe(value: string, source: string): string {
  if (isCredentialValue(value)) return value;
  throw new AwsAuthError(
    'INVALID_CREDENTIAL_VALUE',
    `${source} contains ${offence(value)}, which an HTTP header cannot carry`,
  );
}
