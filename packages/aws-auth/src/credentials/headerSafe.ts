import { AwsAuthError } from '../errors.js';

// Credential values travel in header values (Authorization, x-amz-security-token). A value with a
// byte a header cannot carry makes fetch throw an error that quotes the whole header, secret
// included; refusing it where it is read keeps it out of every message.
const SAFE = /^[\x21-\x7e]*$/;

function offence(value: string): string {
  const codes = Array.from(value, (ch) => ch.codePointAt(0) ?? 0);
  if (codes.some((code) => code < 0x20 || code === 0x7f))
    return 'a control character (such as CR, LF or NUL)';
  if (codes.includes(0x20)) return 'a space';
  return 'a non-ASCII character';
}

/**
 * Returns `value` when it is printable ASCII without spaces, as tokens and keys are; otherwise throws
 * INVALID_CREDENTIAL_VALUE naming `source` (an option, variable, profile or provider), never the value.
 */
export function headerSafe(value: string, source: string): string {
  if (SAFE.test(value)) return value;
  throw new AwsAuthError(
    'INVALID_CREDENTIAL_VALUE',
    `${source} contains ${offence(value)}, which an HTTP header cannot carry`,
  );
}
