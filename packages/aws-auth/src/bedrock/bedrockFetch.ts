import { bearerOf, type FailedResponse, type HttpRequest, isRecoverableStatus } from '@x/auth-seam';
import { AwsAuthError } from '../errors.js';
import { mayQuoteHeader, scrubbedCause } from '../scrubbedCause.js';
import { type BedrockAuth, type BedrockAuthOptions, createBedrockAuth } from './bedrockAuth.js';

/**
 * The `fetch` shape {@link createBedrockFetch} wraps.
 * @public
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * The options of {@link createBedrockFetch}: those of `createBedrockAuth`, plus the `fetch` to wrap.
 * @public
 */
export interface BedrockFetchOptions extends BedrockAuthOptions {
  /** The `fetch` to send with (default `globalThis.fetch`); the second argument wins over it. */
  fetch?: FetchLike | undefined;
}

/**
 * A `fetch` that authenticates every call for Bedrock; also exposes its {@link BedrockAuth}.
 * @public
 */
export interface BedrockFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  readonly auth: BedrockAuth;
}

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
 * What `send` threw. An error that may quote a credential header (fetch quotes a value it refuses)
 * becomes INVALID_HEADER with that quote withheld; any other (network, abort) is passed on as it is.
 */
function sendFailure(error: unknown, sent: HttpRequest): unknown {
  const authorization = sent.headers.authorization ?? '';
  const known = [authorization, bearerOf(sent.headers) ?? '', sent.headers['x-amz-security-token'] ?? ''];
  if (error instanceof AwsAuthError || !mayQuoteHeader(error, known)) return error;
  return new AwsAuthError('INVALID_HEADER', 'fetch refused a request header as not valid HTTP', {
    cause: scrubbedCause(error, known),
  });
}

/**
 * A `fetch` wrapper that signs (or adds the bearer key to) every call, never follows redirects
 * (`redirect: 'manual'`), and after a status `isRecoverableStatus` accepts (400, 401, 403) hands the
 * response, body read as `bodyText`, to `recover()`; when that mends something it retries once.
 * @public
 */
export function createBedrockFetch(options: BedrockFetchOptions = {}, fetchImpl?: FetchLike): BedrockFetch {
  const send = fetchImpl ?? options.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof send !== 'function') {
    throw new AwsAuthError('FETCH_UNAVAILABLE', 'no fetch implementation: pass one as the second argument');
  }
  const auth = createBedrockAuth(options);

  const bedrockFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request: HttpRequest = {
      method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
      url: input instanceof Request ? input.url : String(input),
      headers: headersOf(input, init),
    };
    const body = await bodyOf(input, init);
    if (body !== undefined) request.body = body;
    const attempt = async (): Promise<{ response: Response; sent: HttpRequest }> => {
      const sent = await auth.authorize(request, { signal: init?.signal ?? undefined });
      const requestInit: RequestInit = { method: sent.method, headers: sent.headers, redirect: 'manual' };
      if (sent.body !== undefined) requestInit.body = sent.body as NonNullable<RequestInit['body']>;
      if (init?.signal) requestInit.signal = init.signal;
      try {
        return { response: await send(sent.url, requestInit), sent };
      } catch (error) {
        throw sendFailure(error, sent);
      }
    };
    const { response, sent } = await attempt();
    if (!isRecoverableStatus(response.status)) return response;
    const bodyText = await response.clone().text();
    const failed: FailedResponse = { status: response.status, headers: response.headers, bodyText };
    if (!(await auth.recover(failed, sent))) return response;
    await response.body?.cancel();
    return (await attempt()).response;
  };
  return Object.assign(bedrockFetch, { auth });
}
