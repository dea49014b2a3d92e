import type { isRecoverableStatus } from './recoverableStatus.js';

/**
 * A finished request as auth sources see it: the exact method, URL, headers and body bytes that
 * will be sent. Sources return a new request and never change the one they were given.
 * @public
 */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
}

/**
 * The part of a failed response that recovery looks at. A fetch `Response` fits as it is; a
 * pipeline that has already read the body passes its text as `bodyText`.
 * @public
 */
export interface FailedResponse {
  status: number;
  headers: Headers | Record<string, string | undefined>;
  bodyText?: string | undefined;
}

/**
 * What the caller hands to `authorize` besides the request. When `signal` aborts, the call
 * settles at once with its reason; work shared with other callers goes on for them.
 * @public
 */
export interface AuthorizeOptions {
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
  authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest>;
  recover?(response: FailedResponse, request?: HttpRequest): Promise<boolean>;
  /** A secret-free description of where the credential comes from. */
  describe(): object | Promise<object>;
}
