import { AwsAuthError } from '../errors.js';

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

/** The SigV4 timestamps of a signing time: `20150830T123600Z` and `20150830` (UTC, whole seconds). */
export function amzDates(date: Date): AmzDates {
  const second = Math.floor(date.getTime() / 1000);
  // Requests signed within the same second share one pair of strings.
  if (second === lastSecond && lastDates) return lastDates;
  const iso = date.toISOString();
  const longDate = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  lastSecond = second;
  lastDates = { longDate, shortDate: longDate.slice(0, 8) };
  return lastDates;
}

export interface AmzDates {
  readonly longDate: string;
  readonly shortDate: string;
}

let lastSecond = Number.NaN;
let lastDates: AmzDates | undefined;
