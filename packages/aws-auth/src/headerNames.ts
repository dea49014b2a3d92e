// Header names are compared and sent lower-case throughout this package; this file is the one place
// that lower-cases them.

/** `name` as this package compares and sends header names: lower-case. */
export function headerName(name: string): string {
  return name.toLowerCase();
}

/** A copy of `headers` under lower-case names; of names that differ only in case, the last one wins. */
export function lowerCaseHeaders<V>(headers: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = Object.create(null);
  for (const [name, value] of Object.entries(headers ?? {})) out[headerName(name)] = value;
  return out;
}

/** The value of header `name` in a fetch `Headers` or in a plain record whose names may have any case. */
export function headerValue(
  headers: Headers | Record<string, string | undefined>,
  name: string,
): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  return lowerCaseHeaders(headers as Record<string, string | undefined>)[headerName(name)];
}
