import { AwsAuthError } from '../awsAuthError.js';

/** `20150830T123600Z` -> ms since the epoch; NaN when absent or malformed. */
export function parseAmzDateHeader(value: string | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** The signing time: `value`, or now when it is absent; INVALID_OPTION naming `name` if it is no valid time. */
export function signingDateOf(value: Date | undefined, name: string): Date {
  if (value === undefined || value === null) return new Date();
  if (Number.isNaN(new Date(value).getTime())) {
    throw new AwsAuthError('INVALID_OPTION', `${name} is not a valid date`);
  }
  return value;
}
