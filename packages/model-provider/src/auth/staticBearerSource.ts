import type { AuthSource, HttpRequest } from '@x/auth-seam';

/**
 * A bearer token known up front (an `env_key` variable or `experimental_bearer_token`). The token is
 * held in a closure, so neither `util.inspect` nor `JSON.stringify` of the source shows it.
 */
export function staticBearerSource(token: string, description: Record<string, string>): AuthSource {
  return {
    async authorize(request: HttpRequest): Promise<HttpRequest> {
      return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
    },
    describe: () => ({ ...description }),
  };
}
