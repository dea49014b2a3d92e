import type { AuthSource, HttpRequest } from './authSource.js';
import { discardBody } from './discardBody.js';

/**
 * Hands a failed response to the source's `recover`, with the request as it was authorized. Resolves
 * `undefined` when the source mended the failure (the request is worth making again, and the failed
 * body is disposed of), else the response to return to the caller, its body intact.
 */
export async function recoverOnce(
  auth: AuthSource,
  response: Response,
  sent: HttpRequest,
): Promise<Response | undefined> {
  const body = await response.clone().text();
  if (await auth.recover?.({ status: response.status, headers: response.headers, body }, sent)) {
    await discardBody(response);
    return undefined;
  }
  return new Response(body, response);
}
