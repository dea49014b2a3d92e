// Canonical URI and query pieces of a SigV4 canonical request. The signer from @smithy/signature-v4
// receives the canonical path ready-made (uriEscapePath: false) so that normalisation and encoding are
// controlled separately, as the AWS suite's `normalize` flag requires.

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex. */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Removes empty, `.` and `..` segments, keeping a leading and trailing slash. */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const lead = path.startsWith('/') ? '/' : '';
  const trail = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `${lead}${segments.join('/')}${trail}`;
}

export interface CanonicalPathOptions {
  /** Remove dot segments and duplicate slashes first (every AWS service but S3). Default true. */
  normalize: boolean;
  /** Encode the wire path once more, i.e. double-encode (every AWS service but S3). Default true. */
  escape: boolean;
}

/** The canonical URI for a wire path (the path exactly as it goes on the request line). */
export function canonicalPath(wirePath: string, options: CanonicalPathOptions): string {
  const path = wirePath === '' ? '/' : wirePath;
  const normalized = options.normalize ? normalizePath(path) : path;
  return options.escape ? escapeUri(normalized).replace(/%2F/g, '/') : normalized;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Parses a raw query string (no leading `?`) into decoded keys and values, keeping repeated keys as
 * arrays. `+` stays a literal plus (as @smithy/querystring-parser does), so it is signed as `%2B`.
 */
export function parseQuery(raw: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  return query;
}

/**
 * The canonical query string: keys and values encoded, sorted by encoded key, repeated keys sorted by
 * their encoded `key=value` pair; an `X-Amz-Signature` key is left out (as @smithy/signature-v4 does).
 */
export function canonicalQuery(query: Record<string, string | string[]>): string {
  const pairs: Array<[key: string, serialized: string]> = [];
  for (const key of Object.keys(query)) {
    if (key.toLowerCase() === 'x-amz-signature') continue;
    const value = query[key] as string | string[];
    const encodedKey = escapeUri(key);
    const serialized =
      typeof value === 'string'
        ? `${encodedKey}=${escapeUri(value)}`
        : value
            .map((item) => `${encodedKey}=${escapeUri(item)}`)
            .sort()
            .join('&');
    if (serialized !== '') pairs.push([encodedKey, serialized]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return pairs.map((pair) => pair[1]).join('&');
}

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
