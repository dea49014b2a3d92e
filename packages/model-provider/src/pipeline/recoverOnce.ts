import type { AuthSource, HttpRequest } from '@x/auth-seam';
import { discardBody } from './discardBody.js';

/**
 * Hands a failed response (a status `isRecoverableStatus` accepts: 400, 401, 403) with its body
 * text to the source's `recover`, with the request as it was authorized. Resolves
 * `undefined` when the source mended the failure (the request is worth making again, and the failed
 * body is disposed of), else the response to return to the caller, its body intact.
 */
export async function recoverOnce(
  auth: AuthSource,
  response: Response,
  sent: HttpRequest,
): Promise<Response | undefined> {
  const bodyText = await response.clone().text();
  if (await auth.recover?.({ status: response.status, headers: response.headers, bodyText }, sent)) {
    await discardBody(response);
    return undefined;
  }
  return new Response(bodyText, response);
}
