import { type HttpRequest, isPlaceholderAuthorization } from '@x/auth-seam';
import { AwsAuthError } from '../errors.js';
import { scrubbedCause } from '../scrubbedCause.js';

async function bodyOf(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<string | Uint8Array | undefined> {
  const body = init?.body ?? (input instanceof Request && input.body ? await input.arrayBuffer() : undefined);
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const kind = (body as object).constructor?.name ?? typeof body;
  throw new AwsAuthError('UNSUPPORTED_BODY', `cannot sign a ${kind} body: pass a string or bytes`);
}

/** The request's headers (those of `init` win over a `Request`'s), names lower-case. */
function headersOf(input: string | URL | Request, init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  const merged = new Headers(input instanceof Request ? input.headers : undefined);
  let given: Headers;
  try {
    given = new Headers(init?.headers);
  } catch (error) {
    throw new AwsAuthError('INVALID_HEADER', 'init.headers has a header name or value HTTP does not allow', {
      cause: scrubbedCause(error),
    });
  }
  given.forEach((value, name) => {
    merged.set(name, value);
  });
  merged.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/**
 * The `Authorization` a client derives from the placeholder key of `bedrockOpenAIOptions` is
 * removed. Any other is refused before anything is sent: this fetch signs or adds the Bedrock key
 * itself, so the caller's header would either be overwritten or clash with the credential, and
 * silently dropping it would hide a client set up with a real key meant for somewhere else. The
 * message names neither the value nor its scheme.
 */
function withoutPlaceholder(request: HttpRequest): HttpRequest {
  const { authorization, ...rest } = request.headers;
  if (authorization === undefined) return request;
  if (isPlaceholderAuthorization(authorization)) return { ...request, headers: rest };
  throw new AwsAuthError(
    'AUTHORIZATION_HEADER_PRESENT',
    `${request.method} ${new URL(request.url).pathname}: the request brings its own Authorization header, but createBedrockFetch adds the Bedrock credential (a SigV4 signature or the API key) to every request; nothing was sent. Create the client with bedrockOpenAIOptions() (its placeholder apiKey is removed here), or leave the header out`,
  );
}

/**
 * What a `fetch(input, init)` call asks for, as the one request every attempt authorizes afresh:
 * method, URL, headers and the body's exact bytes (read once, so a retry sends them again).
 */
export async function readFetchRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<HttpRequest> {
  const request: HttpRequest = {
    method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
    url: input instanceof Request ? input.url : String(input),
    headers: headersOf(input, init),
  };
  const body = await bodyOf(input, init);
  if (body !== undefined) request.body = body;
  return withoutPlaceholder(request);
}
