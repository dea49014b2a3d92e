// Never signed, whatever the caller passes: the list @smithy/signature-v4 uses (hop-by-hop headers and
// ones that clients, proxies and tracers add or rewrite in flight), plus `proxy-*` and `sec-*` names.
const NEVER_SIGNED = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

// Values with none of these are already canonical (most are: `application/json`, a host, a date).
const NEEDS_TRIM = /[\r\n\t]| {2}|^ | $/;

export interface CanonicalHeaders {
  /** `name:value` lines, sorted by name, joined with `\n`. */
  lines: string;
  /** Sorted names joined with `;` (the SignedHeaders list). */
  signed: string;
}

/** Canonical header block of lower-case `headers`, leaving out the never-signed and `unsignable` names. */
export function canonicalHeaders(headers: Record<string, string>, unsignable: Set<string>): CanonicalHeaders {
  const names = Object.keys(headers)
    .filter(
      (name) =>
        !NEVER_SIGNED.has(name) &&
        !unsignable.has(name) &&
        !name.startsWith('proxy-') &&
        !name.startsWith('sec-'),
    )
    .sort();
  let lines = '';
  for (const name of names) {
    const raw = headers[name] as string;
    const value = NEEDS_TRIM.test(raw)
      ? raw
          .replace(/[\r\n]/g, ' ')
          .replace(/[ \t]+/g, ' ')
          .replace(/^ | $/g, '')
      : raw;
    lines += `${lines === '' ? '' : '\n'}${name}:${value}`;
  }
  return { lines, signed: names.join(';') };
}
