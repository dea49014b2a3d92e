// Reading the headers of a received request for verification.

type Received = Record<string, string | string[] | undefined>;

/** Headers the signer derives itself; they are given to it as inputs, not copied as headers. */
const SIGNER_OWNED = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-security-token',
  'host',
]);

/** One value for a header received once or several times (joined with `,`). */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

/** The values of the names in a `SignedHeaders` list, leaving out absent and signer-owned ones. */
export function signedHeaderValues(headers: Received, signedHeaders: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) {
    const value = single(headers[name]);
    if (value !== undefined && !SIGNER_OWNED.has(name)) values[name] = value;
  }
  return values;
}
