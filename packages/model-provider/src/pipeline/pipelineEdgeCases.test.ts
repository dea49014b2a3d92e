import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthSource } from '@x/auth-seam';
import { sendJson } from '@x/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { countingAuth } from '../__testing__/countingAuth.js';
import { serve } from '../__testing__/trackedServers.js';
import { ProviderRequestError } from '../errors.js';
import { createProviderFetch } from './createProviderFetch.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A server that counts TCP connections; the first `failures` requests get a 503 with a large body. */
async function serveFailingThenOk(failures: number, bodyBytes: number) {
  let requests = 0;
  const state = { connections: 0, requests: 0 };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.requests = ++requests;
      if (requests <= failures) sendJson(res, 503, { error: 'x'.repeat(bodyBytes) });
      else sendJson(res, 200, { ok: true });
    });
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url, state };
}

const countTimeouts = (): number =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('createProviderFetch edge cases', () => {
  it('counts the retry after an auth recovery apart from request_max_retries', async () => {
    const server = await serve((_req, res, i) =>
      i === 0 ? sendJson(res, 401, {}) : i < 3 ? sendJson(res, 503, {}) : sendJson(res, 200, { ok: true }),
    );
    const { source: auth, calls } = countingAuth();
    const fetch = createProviderFetch({
      baseUrl: server.url,
      auth,
      requestMaxRetries: 2,
      retryBaseDelayMs: 1,
    });
    const response = await fetch(`${server.url}/models`);
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(4);
    expect(calls.recover).toBe(1);
  });

  it('reads retried 5xx bodies to the end, so the attempts reuse the connection', async () => {
    const { url, state } = await serveFailingThenOk(4, 200_000);
    const fetch = createProviderFetch({ baseUrl: url, retryBaseDelayMs: 5 });
    const response = await fetch(`${url}/models`);
    expect(await response.json()).toEqual({ ok: true });
    expect(state.requests).toBe(5);
    // Cancelling a body still in flight closes its connection: that would be one per attempt.
    expect(state.connections).toBeLessThanOrEqual(2);
  });

  it('refuses a relative URL with INVALID_URL, sending nothing', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const fetch = createProviderFetch({ baseUrl: server.url, queryParams: { a: 'b' } });
    const error = await fetch('/v1/models?key=sk-in-query').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect((error as ProviderRequestError).code).toBe('INVALID_URL');
    expect((error as Error).message).not.toContain('sk-in-query');
    expect(server.received).toHaveLength(0);
  });

  it('refuses a Request object with a body for another origin, sending nothing there', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const other = await serve((_req, res) => sendJson(res, 200, {}));
    let authorized = 0;
    const auth: AuthSource = {
      authorize: async (request) => {
        authorized++;
        return request;
      },
      describe: () => ({}),
    };
    const fetch = createProviderFetch({ baseUrl: server.url, auth });
    const request = new Request(`${other.url}/responses`, { method: 'POST', body: '{"input":"x"}' });
    const error = await fetch(request).catch((e: unknown) => e);
    expect((error as ProviderRequestError).code).toBe('ORIGIN_MISMATCH');
    expect(authorized).toBe(0);
    expect(other.received).toHaveLength(0);
  });

  it('leaves no unhandled rejection and no idle timer when a stream is cancelled during a read', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n'); // then stays silent
    });
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const before = countTimeouts();
      const fetch = createProviderFetch({ baseUrl: server.url, streamIdleTimeoutMs: 60_000 });
      const response = await fetch(`${server.url}/stream`);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: first\n\n');
      const pending = reader.read(); // waits on the silent server, idle timer armed
      await new Promise((resolve) => setTimeout(resolve, 20));
      await reader.cancel(new Error('consumer gave up'));
      expect(await pending).toEqual({ done: true, value: undefined });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections).toEqual([]);
      expect(countTimeouts()).toBeLessThanOrEqual(before);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('stops retrying as soon as the signal aborts during a backoff, with the abort reason', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}));
    const fetch = createProviderFetch({ baseUrl: server.url, retryBaseDelayMs: 60_000 });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/models`, { signal: controller.signal });
    while (server.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reason = new Error('user cancelled');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(server.received).toHaveLength(1);
  });

  it('does not retry a request aborted while in flight', async () => {
    const server = await serve(() => {
      // never answers
    });
    const fetch = createProviderFetch({ baseUrl: server.url, retryBaseDelayMs: 1 });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/models`, { signal: controller.signal });
    while (server.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.received).toHaveLength(1);
  });
});
