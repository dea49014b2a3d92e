const HOST_PATTERN = /^(localhost|127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})|\[::1\])(?::(\d{1,5}))?$/i;

/**
 * True when a `Host` header names this server as only a local client would: `localhost`, an address
 * in 127.0.0.0/8 or `[::1]`, with the server's own port (no port means 80). Anything else, such as a
 * domain rebound to 127.0.0.1, another port, or a header carrying a path, is refused, so a web page
 * cannot reach the server through DNS rebinding and a signature cannot be replayed for another path.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  const match = HOST_PATTERN.exec(host ?? '');
  if (!match) return false;
  const [, , ...rest] = match;
  const octets = rest.slice(0, 3);
  if (octets.some((octet) => octet !== undefined && Number(octet) > 255)) return false;
  return Number(rest[3] ?? 80) === port;
}
