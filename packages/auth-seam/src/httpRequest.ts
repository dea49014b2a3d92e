import type { isRecoverableStatus } from './recoverableStatus.js';

/**
 * A finished request as auth sources see it: the exact method, URL, headers and body bytes that
 * will be sent. Sources return a new request and never change the one they were given.
 * @public
 */
export interface HttpRequest {
  /** The HTTP method, such as `POST`; SigV4 signing and the pipeline upper-case it. */
  method: string;
  /** The absolute URL, query string included; a SigV4 signature covers its path and query. */
  url: string;
  /** Header names to values, one value per name; sources add their own without changing the rest. */
  headers: Record<string, string>;
  /** The exact bytes to send, already serialized (and compressed); absent when there is no body. */
  body?: string | Uint8Array | undefined;
}

/**
 * The part of a failed response that recovery looks at. A fetch `Response` fits as it is; a
 * pipeline that has already read the body passes its text as `bodyText`.
 * @public
 */
export interface FailedResponse {
  /** The HTTP status code of the failed attempt (401, 403...). */
  status: number;
  /** The response headers, a fetch `Headers` or a plain record with any-case names. */
  headers: Headers | Record<string, string | undefined>;
  /**
   * The response body as text, when the caller has read it; some sources look in it for the cause
   * (the Bedrock source for a clock skew or a rejected token).
   */
  bodyText?: string | undefined;
}

/**
 * What the caller hands to `authorize` besides the request. When `signal` aborts, the call
 * settles at once with its reason; work shared with other callers goes on for them.
 * @public
 */
export interface AuthorizeOptions {
  /** Stops this caller's wait for a credential; its reason is what the call rejects with. */
  signal?: AbortSignal | undefined;
}

/**
 * The seam between a request pipeline and any credential. `authorize` runs before every attempt;
 * `recover` runs at most once per request, after a status {@link isRecoverableStatus} accepts
 * (400, 401, 403), with the request as it was authorized; it resolves true when a retry is worth
 * making and false for any failure it cannot mend.
 * @public
 */
export interface AuthSource {
  /** Returns a copy of `request` carrying the credential: a bearer header, or a signature over its bytes. */
  authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest>;
  /** Tries to mend the credential after a failed `response`; resolves true when a retry is worth sending. */
  recover?(response: FailedResponse, request?: HttpRequest): Promise<boolean>;
  /** A secret-free description of where the credential comes from. */
  describe(): object | Promise<object>;
}
