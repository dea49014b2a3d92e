import type { HttpRequest } from '@x/auth-seam';
import { ProviderRequestError } from '../errors.js';
import { addProviderParts, type ProviderParts } from './addProviderParts.js';
import { type PrepareBodyOptions, prepareBodyForSend } from './prepareBodyForSend.js';
import { readFetchInput } from './readFetchInput.js';
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
 * refused. The client's own Authorization (the openai client's placeholder key) is dropped when an
 * auth source supplies ours, and a header `fetch` would refuse is refused before anything is sent.
 */
export async function prepareRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
  settings: {
    origin: string;
    parts: ProviderParts;
    compression: PrepareBodyOptions['compression'];
    hasAuth: boolean;
  },
): Promise<PreparedRequest> {
  const { request, signal, target: requested } = await readFetchInput(input, init);
  const prepared = prepareBodyForSend(addProviderParts(request, settings.parts), {
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
  if (settings.hasAuth && prepared.headers.authorization !== undefined) delete prepared.headers.authorization;
  refuseUnsafeHeaders(prepared, undefined, target);
  return { prepared, signal, target };
}
