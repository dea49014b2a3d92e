import type { HttpRequest } from '@x/auth-seam';
import { ProviderRequestError } from '../errors.js';
import { lowerCaseHeaders } from './lowerCaseHeaders.js';
import { redactPlatformError } from './redactPlatformError.js';

/** What a `fetch(input, init)` call asks for, its body as bytes or a string. */
export interface FetchInput {
  request: HttpRequest;
  signal: AbortSignal | undefined;
  target: URL;
}

/**
 * Reads what a `fetch(input, init)` call asks for into an {@link HttpRequest} with the exact body
 * bytes. Strings and byte arrays are used as they are; other bodies (Blob, FormData, streams, URL
 * params) are read once into bytes, keeping the content-type they imply, so that they can be signed
 * and resent on a retry. Synchronous unless such a body has to be read: most requests never wait here.
 */
export function readFetchInput(
  input: string | URL | Request,
  init: RequestInit | undefined,
): FetchInput | Promise<FetchInput> {
  const base = input instanceof Request ? input : undefined;
  const url = base ? base.url : String(input);
  // A relative URL has no origin to check against the provider's: refuse it with a code rather than
  // let `new URL` throw a bare TypeError (the URL itself stays out of the message: it may hold a secret).
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new ProviderRequestError(
      'INVALID_URL',
      'the request URL is not absolute; pass the full URL under the provider base URL',
    );
  }
  const method = (init?.method ?? base?.method ?? 'GET').toUpperCase();
  const headers = headerRecord(init?.headers ?? base?.headers);
  const signal = init?.signal ?? base?.signal ?? undefined;
  const request: HttpRequest = { method, url, headers };

  const body = init?.body !== undefined ? init.body : base?.body;
  if (body === undefined || body === null) return { request, signal, target };
  if (typeof body === 'string') request.body = body;
  else if (body instanceof Uint8Array) request.body = body;
  else if (body instanceof ArrayBuffer) request.body = new Uint8Array(body);
  else if (ArrayBuffer.isView(body))
    request.body = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  else return readOtherBody(body, { request, signal, target });
  return { request, signal, target };
}

/** Reads a Blob, FormData, stream or URL-params body into bytes, keeping the content-type it implies. */
async function readOtherBody(body: NonNullable<RequestInit['body']>, read: FetchInput): Promise<FetchInput> {
  const { method, url, headers } = read.request;
  try {
    const carrier = new Request(url, { method, body, headers, duplex: 'half' } as RequestInit);
    read.request.body = new Uint8Array(await carrier.arrayBuffer());
    const type = carrier.headers.get('content-type');
    if (type && !headers['content-type']) headers['content-type'] = type;
  } catch (cause) {
    throw new ProviderRequestError(
      'UNSUPPORTED_BODY',
      `cannot read the ${method} request body for ${read.target.pathname}`,
      { cause: redactPlatformError(cause) },
    );
  }
  return read;
}

/**
 * Lower-cased header names and values. A plain object of strings (what most clients pass) is copied
 * directly; anything else goes through `Headers`, which also validates it.
 */
function headerRecord(init: RequestInit['headers']): Record<string, string> {
  if (isStringRecord(init)) return lowerCaseHeaders(init);
  const headers: Record<string, string> = {};
  let parsed: Headers;
  try {
    parsed = new Headers(init);
  } catch {
    // The platform's message quotes the offending value, which may be a credential.
    throw new ProviderRequestError(
      'INVALID_HEADER_VALUE',
      'the request headers are not valid HTTP headers (a name that is not a token, or a value with CR, LF, NUL or another control character); nothing was sent',
    );
  }
  parsed.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

function isStringRecord(init: RequestInit['headers']): init is Record<string, string> {
  return (
    typeof init === 'object' &&
    init !== null &&
    !Array.isArray(init) &&
    !(init instanceof Headers) &&
    Object.values(init).every((value) => typeof value === 'string')
  );
}
