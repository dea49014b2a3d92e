import { AwsAuthError } from '../errors.js';

/** The parts of an absolute request URL that signing and origin checks read. */
export interface RequestUrl {
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
}

const MAX_CACHED = 256;
const cache = new Map<string, RequestUrl>();

/**
 * Parses `url` (INVALID_REQUEST if it is not absolute). A client sends the same few URLs again and
 * again, and a URL parse is one of the larger costs of signing a request, so parsed strings are kept.
 */
export function parseRequestUrl(url: unknown): RequestUrl {
  const key = typeof url === 'string' ? url : undefined;
  const cached = key === undefined ? undefined : cache.get(key);
  if (cached) return cached;
  let parsed: URL;
  try {
    parsed = new URL(url as string);
  } catch {
    // No cause: Node's TypeError carries the whole input, which may hold credentials.
    throw new AwsAuthError('INVALID_REQUEST', 'request.url is not an absolute URL');
  }
  const parts: RequestUrl = {
    origin: parsed.origin,
    protocol: parsed.protocol,
    host: parsed.host,
    hostname: parsed.hostname,
    pathname: parsed.pathname,
    search: parsed.search,
  };
  if (key !== undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, parts);
  }
  return parts;
}
