import type { FailedResponse } from '../httpRequest.js';

/** One header of a fetch `Headers` or a plain record, whatever the case of its name there. */
export function headerValue(headers: FailedResponse['headers'], name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | undefined>;
  const exact = record[name];
  if (exact !== undefined) return exact;
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name) return record[key];
  }
  return undefined;
}
