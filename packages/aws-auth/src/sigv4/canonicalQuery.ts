import { escapeUri } from './escapeUri.js';

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
