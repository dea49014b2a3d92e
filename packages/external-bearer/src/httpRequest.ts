/**
 * The request shape an auth source works on. Declared here so this package does not import the
 * pipeline; it is structurally the same as the one @x/model-provider uses.
 */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** What `recover()` needs from a failed response. */
export interface HttpResponseLike {
  status: number;
  headers: Headers | Record<string, string>;
  body?: string;
}
