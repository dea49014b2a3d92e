import type { HttpRequest } from '@x/auth-seam';
import { isHeaderName, isHeaderValue } from '@x/auth-seam';
import { ProviderRequestError } from '../errors.js';
import { HEADER_VALUE_RULE } from '../headerRule.js';

/** Leading and trailing whitespace `fetch` strips from a value before checking it. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * The first header `fetch` would refuse (a name that is not an HTTP token, or a value with CR, LF,
 * NUL, another control character or a character above U+00FF inside it), else undefined. Headers
 * whose value is the same in `checked` were looked at already and are skipped.
 */
export function unsafeHeader(
  headers: Record<string, string>,
  checked?: Record<string, string>,
): string | undefined {
  for (const name in headers) {
    const value = headers[name] as string;
    if (checked !== undefined && checked[name] === value) continue;
    // A value that passes as it is passes trimmed too; only one that fails is trimmed and looked at again.
    if (!isHeaderName(name) || !(isHeaderValue(value) || isHeaderValue(value.replace(EDGE_WHITESPACE, ''))))
      return name;
  }
  return undefined;
}

/**
 * Refuses, before anything is sent, a header `fetch` would reject: its error quotes the whole value
 * (a credential, say), and it would be retried although no attempt can succeed. Headers the auth
 * source left as they were in `before` are not checked again.
 */
export function refuseUnsafeHeaders(
  request: HttpRequest,
  before: HttpRequest | undefined,
  target: URL,
): void {
  const name = unsafeHeader(request.headers, before?.headers);
  if (name === undefined) return;
  const whose = before === undefined ? 'of the request' : 'set by the auth source';
  throw new ProviderRequestError(
    'INVALID_HEADER_VALUE',
    `${request.method} ${target.pathname}: header ${JSON.stringify(name)} ${whose} is not a valid HTTP header (a value that ${HEADER_VALUE_RULE}, or a name that is not a token); nothing was sent`,
  );
}
