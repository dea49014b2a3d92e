import type { AuthSource, HttpRequest } from '@x/auth-seam';

/**
 * Authorizes one attempt with the caller's signal, so that a source waiting for a token (a command
 * still running, say) lets go as soon as the caller aborts. Like `fetch`, an aborted request rejects
 * with the signal's reason, whatever the source threw.
 */
export function authorizeAttempt(
  auth: AuthSource,
  request: HttpRequest,
  signal: AbortSignal | undefined,
): Promise<HttpRequest> {
  // Without a signal there is nothing to translate: the source's own promise is the answer.
  if (signal === undefined) return auth.authorize(request, { signal });
  return authorizeUntilAborted(auth, request, signal);
}

async function authorizeUntilAborted(
  auth: AuthSource,
  request: HttpRequest,
  signal: AbortSignal,
): Promise<HttpRequest> {
  if (signal.aborted) throw signal.reason;
  try {
    return await auth.authorize(request, { signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw error;
  }
}
