/** Fields of a platform error that say what went wrong without quoting the request. */
const KEPT_FIELDS = ['code', 'errno', 'syscall', 'address', 'port'] as const;
const MAX_DEPTH = 4;

/**
 * A stand-in for an error thrown by the platform's `fetch`, to keep as our error's `cause`. The
 * original's message may quote a header value ("Bearer sk-…" is an invalid header value) or the
 * request URL, and with them a secret, so it is dropped: the stand-in keeps the name, the code,
 * errno, syscall, address and port (ECONNREFUSED 127.0.0.1:443, UND_ERR_SOCKET, ...), and the same
 * for each error down its cause chain.
 */
export function redactPlatformError(error: unknown, depth = 0): Error {
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const name = typeof source.name === 'string' ? source.name : 'Error';
  const code = typeof source.code === 'string' ? ` ${source.code}` : '';
  const cause =
    depth < MAX_DEPTH && source.cause !== undefined
      ? redactPlatformError(source.cause, depth + 1)
      : undefined;
  const redacted = new Error(
    `${name}${code} (message withheld: it may quote request headers or the URL)`,
    cause === undefined ? undefined : { cause },
  );
  redacted.name = name;
  const fields = redacted as unknown as Record<string, unknown>;
  for (const key of KEPT_FIELDS) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return redacted;
}
