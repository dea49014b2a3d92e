// What a verifier may take from a received request line and Host header. The canonical path and
// query come from the request target alone; the Host header is only ever a host name and a port, so
// it can never add a path, a query, a fragment or user info to what gets verified.

import { parseQuery } from './canonicalQuery.js';
import type { SigV4DenialCode } from './sigV4Verdict.js';

// reg-name (unreserved, sub-delims, percent-escapes), dotted IPv4, or a bracketed IPv6 literal, then
// an optional port of one to five digits. No `/ ? # @ \`, whitespace or control characters can match.
const HOST = /^(?:(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** True for a Host value of the form `host[:port]` with a port no greater than 65535. */
export function isPlainHost(value: string): boolean {
  if (!HOST.test(value)) return false;
  const port = /:([0-9]{1,5})$/.exec(value.startsWith('[') ? value.slice(value.indexOf(']')) : value);
  return port === null || Number(port[1]) <= 65535;
}

// Visible ASCII without `#`: what an origin-form request target (RFC 9112) may hold.
const TARGET = /^\/[\x21\x22\x24-\x7e]*$/;

export interface TargetParts {
  /** The path exactly as received. */
  path: string;
  /** The raw query after the first `?`, or ''. */
  query: string;
}

/** Splits an origin-form target (`/path?query`); undefined for anything else. */
export function splitTarget(target: string): TargetParts | undefined {
  if (typeof target !== 'string' || !TARGET.test(target)) return undefined;
  const q = target.indexOf('?');
  return q === -1 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

// The query parameters of a presigned request. A request authorised by its Authorization header must
// not carry them as well: which one would count is ambiguous, and `X-Amz-Signature` is left out of the
// canonical query, so it could be added to a signed request without breaking the signature.
const QUERY_AUTH = new Set(['x-amz-signature', 'x-amz-credential', 'x-amz-algorithm']);

/** The first presigning parameter in a raw query (compared without case), or undefined. */
export function queryAuthParameter(query: string): string | undefined {
  if (query === '') return undefined;
  return Object.keys(parseQuery(query)).find((key) => QUERY_AUTH.has(key.toLowerCase()));
}

export interface ReceivedLine extends TargetParts {
  host: string;
}

/**
 * The Host value and target parts of a received request, or why it is refused before its signature
 * is looked at: a Host that is missing, repeated or more than `host[:port]`; a target that is not an
 * origin-form path; presigning parameters next to an Authorization header.
 */
export function readRequestLine(
  host: string | string[] | undefined,
  target: string,
): ReceivedLine | { code: SigV4DenialCode; message: string } {
  if (typeof host !== 'string' || !isPlainHost(host)) {
    const message =
      host === undefined
        ? 'The request has no Host header.'
        : 'The Host header must be exactly one host name or IP address with an optional port.';
    return { code: 'INVALID_HOST', message };
  }
  const parts = splitTarget(target);
  if (!parts) {
    const message =
      'The request target must be an absolute path without a fragment, spaces or control characters.';
    return { code: 'IncompleteSignatureException', message };
  }
  const queryAuth = queryAuthParameter(parts.query);
  if (queryAuth !== undefined) {
    const message = `Only one auth mechanism is allowed: the request has an Authorization header and a ${queryAuth} query parameter.`;
    return { code: 'MIXED_AUTH', message };
  }
  return { host, ...parts };
}
