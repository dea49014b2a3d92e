/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, upper-case hex. */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
