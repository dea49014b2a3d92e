import { type AuthSource, type HttpRequest, untilAborted } from '@x/auth-seam';
import { discardBody } from './discardBody.js';

/**
 * Hands a failed response (a status `isRecoverableStatus` accepts: 400, 401, 403) with its body
 * text to the source's `recover`, with the request as it was authorized. Resolves
 * `undefined` when the source mended the failure (the request is worth making again, and the failed
 * body is disposed of), else the response to return to the caller, its body intact. An abort of the
 * caller's `signal` rejects with its reason.
 */
export async function recoverOnce(
  auth: AuthSource,
  response: Response,
  sent: HttpRequest,
  signal: AbortSignal | undefined,
): Promise<Response | undefined> {
  const bodyText = await response.clone().text();
  const failed = { status: response.status, headers: response.headers, bodyText };
  // The caller's abort ends the wait at once; the recovery itself (a refresh other requests may be
  // waiting for too) runs on.
  if (auth.recover && (await untilAborted(auth.recover(failed, sent), signal))) {
    await discardBody(response);
    return undefined;
  }
  return new Response(bodyText, response);
}
