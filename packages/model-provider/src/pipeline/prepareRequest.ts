import { type HttpRequest, isPlaceholderAuthorization } from '@x/auth-seam';
import { ProviderRequestError } from '../errors.js';
import { addProviderParts, type ProviderParts } from './addProviderParts.js';
import { encodeBody, type PrepareBodyOptions } from './prepareBodyForSend.js';
import { type FetchInput, readFetchInput } from './readFetchInput.js';
import { refuseUnsafeHeaders } from './unsafeHeader.js';

export interface PreparedRequest {
  /** The exact request every attempt starts from, before the auth source adds its credential. */
  prepared: HttpRequest;
  signal: AbortSignal | undefined;
  target: URL;
}

/**
 * A `fetch(input, init)` call as the request every attempt sends: the provider's query parameters
 * and headers added, the body serialized (and compressed) once. The origin is checked here, the one
 * place, before any credential is attached: a request for another origin than the provider's is
 * refused. The client's Authorization derived from the placeholder key of `clientOptions()` is
 * dropped; any other is refused when an auth source supplies ours (see {@link refuseCallerAuthorization}).
 * A header `fetch` would refuse is refused before anything is sent.
 */
export function prepareRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
  settings: PrepareSettings,
): PreparedRequest | Promise<PreparedRequest> {
  const read = readFetchInput(input, init);
  // Synchronous unless the body had to be read: a plain request costs no extra turn of the event loop.
  return read instanceof Promise ? read.then((done) => finish(done, settings)) : finish(read, settings);
}

/** What {@link prepareRequest} needs to know of the provider. */
export interface PrepareSettings {
  origin: string;
  parts: ProviderParts;
  compression: PrepareBodyOptions['compression'];
  hasAuth: boolean;
}

function finish(
  { request, signal, target: requested }: FetchInput,
  settings: PrepareSettings,
): PreparedRequest {
  const prepared = encodeBody(addProviderParts(request, settings.parts), {
    compression: settings.compression ?? 'none',
  });
  // Parsed once: again only when provider query parameters changed the URL.
  const target = prepared.url === request.url ? requested : new URL(prepared.url);
  if (target.origin !== settings.origin) {
    throw new ProviderRequestError(
      'ORIGIN_MISMATCH',
      `refusing to send provider credentials to ${target.origin}; the provider's base URL is ${settings.origin}`,
    );
  }
  // (Deleted only when present: a delete turns the header object into a slower dictionary.)
  const authorization = prepared.headers.authorization;
  if (isPlaceholderAuthorization(authorization)) delete prepared.headers.authorization;
  else if (settings.hasAuth && authorization !== undefined)
    refuseCallerAuthorization(prepared.method, target);
  refuseUnsafeHeaders(prepared, undefined, target);
  return { prepared, signal, target };
}

/**
 * A caller's own Authorization on a provider that authorizes requests itself: it is never sent
 * (the provider's credential would replace it, or both would clash), and silently dropping it would
 * hide a client configured with a real key, or with another provider's. The message names neither
 * the value nor its scheme.
 */
function refuseCallerAuthorization(method: string, target: URL): never {
  throw new ProviderRequestError(
    'AUTHORIZATION_HEADER_PRESENT',
    `${method} ${target.pathname}: the request brings its own Authorization header, but this provider adds its own credential to every request; nothing was sent. Create the client with provider.clientOptions() (its placeholder apiKey is removed here), or leave the header out`,
  );
}
