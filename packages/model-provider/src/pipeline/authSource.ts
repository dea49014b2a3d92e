/** A request as auth sources see it: the exact method, URL, headers and body bytes that will be sent. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** What an auth source is told about a failed attempt. */
export interface RecoveryResponse {
  status: number;
  headers: Headers;
  /** The response body as text (read only for 401 and 403). */
  body?: string;
}

/**
 * The seam between the pipeline and any credential: every source in the leaf packages satisfies it
 * structurally. `authorize` runs before every attempt; `recover` runs at most once per request,
 * after a 401 (or an auth-related 403), and resolves true when a retry is worth making.
 */
export interface AuthSource {
  /**
   * `options.signal` is the caller's: a source that waits (for a command, a login, a module) should
   * stop waiting when it aborts. Sources that never wait may ignore it.
   */
  authorize(request: HttpRequest, options?: { signal?: AbortSignal | undefined }): Promise<HttpRequest>;
  /**
   * `request` is the request as this source authorized it for the failed attempt, so a source can
   * tell a late 401 for a credential it has already replaced (retry, no refresh) from a fresh one.
   */
  recover?(response: RecoveryResponse, request?: HttpRequest): Promise<boolean>;
  describe(): object;
}
