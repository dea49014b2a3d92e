import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessToken, idToken } from './fakeTokens.js';

export interface TokenServer {
  url: string;
  /** Requests received, in order, with their parsed JSON bodies. */
  requests: Array<Record<string, unknown>>;
  /** Makes `token` a valid refresh token. */
  allow(token: string): void;
  /** Fail every request with this status and body from now on (null: behave normally). */
  failWith(failure: { status: number; body: unknown } | null): void;
  /** From now on, answer nothing until {@link release} (requests are still received and counted). */
  hold(): void;
  /** Answers every held request and stops holding. */
  release(): void;
  /** How many requests are waiting for their answer. */
  held(): number;
  close(): Promise<void>;
}

/**
 * A loopback OAuth token endpoint that rotates refresh tokens and, like the real one, rejects a
 * refresh token that was already used (`refresh_token_reused`).
 */
export async function startTokenServer(): Promise<TokenServer> {
  const valid = new Set<string>();
  const used = new Set<string>();
  const requests: Array<Record<string, unknown>> = [];
  let failure: { status: number; body: unknown } | null = null;
  let counter = 0;
  let holding = false;
  const waiting: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      requests.push(body);
      if (holding) waiting.push(() => answer(body));
      else answer(body);
    });
    const answer = (body: Record<string, unknown>) => {
      const send = (status: number, payload: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (failure) return send(failure.status, failure.body);
      const token = String(body.refresh_token);
      if (used.has(token))
        return send(401, { error: { code: 'refresh_token_reused', message: 'already used' } });
      if (body.grant_type !== 'refresh_token' || !valid.has(token))
        return send(400, { error: 'invalid_grant' });
      valid.delete(token);
      used.add(token);
      counter += 1;
      const next = `rt-rotated-${counter}-${Date.now()}`;
      valid.add(next);
      send(200, {
        id_token: idToken(),
        access_token: accessToken(3600, `rotated-${counter}`),
        refresh_token: next,
      });
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/oauth/token`,
    requests,
    allow: (token) => valid.add(token),
    failWith: (next) => {
      failure = next;
    },
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const answer of waiting.splice(0)) answer();
    },
    held: () => waiting.length,
    close: () =>
      new Promise((resolve) => {
        // Idle keep-alive connections would hold close() open for the client's idle timeout.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
