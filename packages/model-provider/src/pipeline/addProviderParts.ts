import type { HttpRequest } from '@x/auth-seam';
import { isHeaderValue } from '@x/auth-seam';
import { ProviderRequestError } from '../errors.js';
import { HEADER_VALUE_RULE, quoteHeaderName } from '../headerRule.js';

export interface ProviderParts {
  queryParams: readonly (readonly [string, string])[];
  /** Header names lower-case, as the request's are: merged without another pass. */
  httpHeaders: Record<string, string> | undefined;
  /** header name -> environment variable; skipped when unset or blank. */
  envHttpHeaders: Record<string, string> | undefined;
  env: Record<string, string | undefined>;
}

/**
 * The request with the provider's query parameters (where the caller has not set them) and headers
 * added. `env_http_headers` variables are read on every request; a value that cannot be sent in a
 * header is refused with INVALID_HEADER_VALUE naming the variable, before anything is sent.
 */
export function addProviderParts(request: HttpRequest, parts: ProviderParts): HttpRequest {
  let url = request.url;
  if (parts.queryParams.length > 0) {
    const parsed = new URL(url);
    for (const [key, value] of parts.queryParams) {
      if (!parsed.searchParams.has(key)) parsed.searchParams.append(key, value);
    }
    url = parsed.toString();
  }
  if (parts.envHttpHeaders === undefined) {
    return { ...request, url, headers: { ...request.headers, ...parts.httpHeaders } };
  }
  const fromEnv: Record<string, string> = {};
  for (const [name, variable] of Object.entries(parts.envHttpHeaders)) {
    const value = parts.env[variable]?.trim();
    if (!value) continue;
    if (!isHeaderValue(value)) {
      throw new ProviderRequestError(
        'INVALID_HEADER_VALUE',
        `the environment variable ${variable} (env_http_headers ${quoteHeaderName(name)}) ${HEADER_VALUE_RULE}; nothing was sent`,
      );
    }
    fromEnv[name.toLowerCase()] = value;
  }
  return { ...request, url, headers: { ...request.headers, ...parts.httpHeaders, ...fromEnv } };
}
