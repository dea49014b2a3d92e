import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One request as the server received it. `target` is the path and query exactly as sent (what
 * `node:http` calls `req.url`); `body` is every byte of the body (a `Buffer` is a `Uint8Array`).
 */
export interface ReceivedRequest {
  method: string;
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Answers one request. `index` counts from 0 in arrival order; when a handler returns a promise that
 * rejects, the answer is a 500 carrying the error's text; anything else it returns is ignored.
 */
export type LoopbackHandler = (request: ReceivedRequest, response: ServerResponse, index: number) => unknown;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `origin` + `/v1`: the base URL an OpenAI-compatible client is given. */
  url: string;
  /** Every request so far, in arrival order, recorded before the handler runs. */
  received: ReceivedRequest[];
  /** Drops open connections (keep-alive ones too) and stops listening. */
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 at a free port that records each request, then hands it to `handler`. */
export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        target: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      const index = received.push(request) - 1;
      Promise.resolve(handler(request, res, index)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
