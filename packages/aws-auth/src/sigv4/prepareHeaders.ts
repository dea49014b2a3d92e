import { isHeaderName } from '@x/auth-seam';
import { AwsAuthError } from '../errors.js';
import { headerName } from '../headerNames.js';

// Headers a signer owns: any caller-supplied copy is dropped and replaced by the signer's own.
const SIGNER_OWNED = new Set(['x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256', 'host']);

// Hop-by-hop headers (RFC 9110 section 7.6.1 and the legacy proxy ones): proxies may rewrite or drop
// them, so they are never signed. Names listed in `connection` are hop-by-hop too.
// Shared by every call that has no `connection` header; nothing mutates it.
const HOP_BY_HOP: Set<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

// Names already checked against the token grammar; requests reuse a handful of names, so this stays small.
const VALID_NAMES = new Set<string>();

export interface PreparedHeaders {
  headers: Record<string, string>;
  unsignable: Set<string>;
}

/**
 * The common case, done in one pass: every name already lower-case and known valid, every value a
 * string, and nothing to drop, join or refuse. Then the headers are the input plus `host`.
 */
function alreadyPrepared(input: Record<string, string>): boolean {
  for (const name of Object.keys(input)) {
    if (!VALID_NAMES.has(name) || SIGNER_OWNED.has(name) || typeof input[name] !== 'string') return false;
    if (name === 'authorization' || name === 'connection') return false;
  }
  return true;
}

/**
 * Lower-cases names, joins repeated names with `,`, rejects a caller `Authorization`, drops the
 * signer-owned headers and collects the hop-by-hop names that must stay unsigned.
 */
export function prepareHeaders(input: Record<string, string>, host: string): PreparedHeaders {
  if (typeof input !== 'object' || input === null) {
    throw new AwsAuthError('INVALID_REQUEST', 'request.headers must be an object of strings');
  }
  // Spreading defines own properties, so even a `__proto__` name stays a plain header.
  if (alreadyPrepared(input)) return { headers: { ...input, host }, unsignable: HOP_BY_HOP };
  const headers: Record<string, string> = Object.create(null);
  for (const [rawName, value] of Object.entries(input)) {
    const name = headerName(rawName);
    if (!VALID_NAMES.has(name)) {
      if (!isHeaderName(name)) {
        throw new AwsAuthError(
          'INVALID_HEADER',
          'a header name is empty or has characters HTTP does not allow',
        );
      }
      if (VALID_NAMES.size < 256) VALID_NAMES.add(name);
    }
    if (typeof value !== 'string') {
      throw new AwsAuthError('INVALID_HEADER', `header "${name}" must be a string`);
    }
    if (name === 'authorization') {
      throw new AwsAuthError(
        'AUTHORIZATION_HEADER_PRESENT',
        'the request already has an Authorization header; remove it before signing',
      );
    }
    if (SIGNER_OWNED.has(name)) continue;
    const existing = headers[name];
    headers[name] = existing === undefined ? value : `${existing},${value}`;
  }
  headers.host = host;
  if (headers.connection === undefined) return { headers: { ...headers }, unsignable: HOP_BY_HOP };
  const unsignable = new Set(HOP_BY_HOP);
  for (const listed of headers.connection.split(',')) {
    const name = headerName(listed.trim());
    if (name) unsignable.add(name);
  }
  return { headers: { ...headers }, unsignable };
}
