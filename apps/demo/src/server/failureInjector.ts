import type { ApiErrorDetails } from './sendError.js';

/** The request header that asks the server to fail on purpose, e.g. `429;retry-after=1;times=1`. */
export const FAIL_HEADER = 'x-xdemo-fail';

/** What the server answers instead of the real thing. */
export interface InjectedFailure {
  status: number;
  headers: Record<string, string>;
  error: ApiErrorDetails;
}

export type FailVerdict =
  | { kind: 'pass' }
  | { kind: 'fail'; failure: InjectedFailure }
  | { kind: 'invalid'; message: string };

/** Distinct header values remembered at once; the oldest is forgotten past this. */
const MAX_TRACKED = 1000;

const ERRORS: Record<number, Omit<ApiErrorDetails, 'message'>> = {
  429: { type: 'requests', code: 'rate_limit_exceeded' },
  503: { type: 'server_error', code: 'service_unavailable' },
};

/**
 * Failures on demand, for showing a client's retries: a request carrying
 * `x-xdemo-fail: STATUS[;retry-after=S][;retry-after-ms=MS][;times=N]` is answered with STATUS (429
 * or 5xx) and those headers, for the first N requests (default 1) that carry that exact header
 * value; later ones pass. Counting per value lets a caller add any `;id=…` to start a fresh count.
 */
export class FailureInjector {
  readonly #served = new Map<string, number>();

  check(header: string | string[] | undefined): FailVerdict {
    if (header === undefined) return { kind: 'pass' };
    const value = Array.isArray(header) ? header.join(',') : header;
    const parsed = parseDirective(value);
    if (typeof parsed === 'string') return { kind: 'invalid', message: `${FAIL_HEADER}: ${parsed}` };
    const served = this.#served.get(value) ?? 0;
    if (served >= parsed.times) return { kind: 'pass' };
    this.#served.delete(value);
    this.#served.set(value, served + 1);
    if (this.#served.size > MAX_TRACKED) this.#served.delete(this.#served.keys().next().value as string);
    const headers: Record<string, string> = {};
    if (parsed.retryAfter !== undefined) headers['retry-after'] = String(parsed.retryAfter);
    if (parsed.retryAfterMs !== undefined) headers['retry-after-ms'] = String(parsed.retryAfterMs);
    const error = ERRORS[parsed.status] ?? { type: 'server_error', code: 'server_error' };
    return {
      kind: 'fail',
      failure: {
        status: parsed.status,
        headers,
        error: {
          ...error,
          message: `failing on purpose with ${parsed.status}, as the ${FAIL_HEADER} header asked (${served + 1} of ${parsed.times})`,
        },
      },
    };
  }
}

interface Directive {
  status: number;
  times: number;
  retryAfter?: number;
  retryAfterMs?: number;
}

/** Parses the header, or says what is wrong with it (never quoting it). */
function parseDirective(value: string): Directive | string {
  const [head, ...params] = value.split(';').map((part) => part.trim());
  const status = wholeNumber(head ?? '', 100, 599);
  if (status === undefined || !(status === 429 || status >= 500))
    return 'expected a status of 429 or 500-599 first, e.g. 429;retry-after=1;times=1';
  const directive: Directive = { status, times: 1 };
  for (const param of params) {
    const [name, raw = ''] = param.split('=', 2).map((s) => s.trim());
    if (name === 'id') continue;
    const limits = { times: [1, 1000], 'retry-after': [0, 3600], 'retry-after-ms': [0, 3_600_000] } as const;
    const range = limits[name as keyof typeof limits];
    if (!range) return `unknown parameter; use times, retry-after, retry-after-ms or id`;
    const number = wholeNumber(raw, range[0], range[1]);
    if (number === undefined) return `${name} must be a whole number from ${range[0]} to ${range[1]}`;
    if (name === 'times') directive.times = number;
    else if (name === 'retry-after') directive.retryAfter = number;
    else directive.retryAfterMs = number;
  }
  return directive;
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,7}$/.test(text)) return undefined;
  const number = Number(text);
  return number >= min && number <= max ? number : undefined;
}
