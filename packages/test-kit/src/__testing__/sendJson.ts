import type { ServerResponse } from 'node:http';

/** Ends `response` with `status` and `body` as JSON (`content-type: application/json`, plus `headers`). */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
