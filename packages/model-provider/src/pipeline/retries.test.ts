import type { AuthSource, RetryEvent } from '@x/auth-seam';
import { sendJson, withinDeadline } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { countingAuth } from '../__testing__/countingAuth.js';
import { serve } from '../__testing__/trackedServers.js';
import { createProviderFetch } from './createProviderFetch.js';
import type { ProviderFetchOptions } from './providerFetchOptions.js';

/** A provider fetch for `url` that records every reported wait. */
function recordingFetch(url: string, options: Partial<ProviderFetchOptions> = {}) {
  const waits: RetryEvent[] = [];
  const fetch = createProviderFetch({ baseUrl: url, onRetry: (event) => waits.push(event), ...options });
  return { fetch, waits };
}

/** A server whose first `failures` answers are `status` with `headers`, then 200. */
function failingFirst(failures: number, status: number, headers: Record<string, string> = {}) {
  return serve((_req, res, i) => {
    if (i >= failures) return sendJson(res, 200, { ok: true });
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end('{"error":{"message":"try later"}}');
  });
}

describe('retries like openai-node', () => {
  it('retries 408, 409, 429 and 5xx within request_max_retries, and not 404 or 422', async () => {
    for (const status of [408, 409, 429, 500, 503]) {
      const server = await failingFirst(2, status);
      const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 1 });
      expect((await fetch(`${server.url}/models`)).status).toBe(200);
      expect(server.received).toHaveLength(3);
      expect(waits.map((w) => [w.attempt, w.maxRetries, w.status, w.reason, w.delaySource])).toEqual([
        [1, 4, status, 'status', 'backoff'],
        [2, 4, status, 'status', 'backoff'],
      ]);
    }
    for (const status of [404, 422]) {
      const server = await failingFirst(1, status);
      const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 1 });
      expect((await fetch(`${server.url}/models`)).status).toBe(status);
      expect(server.received).toHaveLength(1);
      expect(waits).toEqual([]);
    }
  });

  it('returns the last 429, body intact, once request_max_retries are spent', async () => {
    const server = await failingFirst(10, 429);
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 1, requestMaxRetries: 2 });
    const response = await fetch(`${server.url}/models`);
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: { message: 'try later' } });
    expect(server.received).toHaveLength(3);
    expect(waits.map((w) => w.attempt)).toEqual([1, 2]);
  });

  it('does not retry a 503 marked x-should-retry: false', async () => {
    const server = await failingFirst(1, 503, { 'x-should-retry': 'false' });
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 1 });
    expect((await fetch(`${server.url}/models`)).status).toBe(503);
    expect(server.received).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a 404 marked x-should-retry: true', async () => {
    const server = await failingFirst(1, 404, { 'x-should-retry': 'true' });
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 1 });
    expect((await fetch(`${server.url}/models`)).status).toBe(200);
    expect(server.received).toHaveLength(2);
    expect(waits.map((w) => [w.status, w.reason])).toEqual([[404, 'status']]);
  });

  it('waits what retry-after-ms asks, before retry-after', async () => {
    const server = await failingFirst(1, 503, { 'retry-after-ms': '30', 'retry-after': '5' });
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 5000 });
    expect((await fetch(`${server.url}/models`)).status).toBe(200);
    expect(waits.map((w) => [w.delayMs, w.delaySource])).toEqual([[30, 'server']]);
  });

  it('waits until the HTTP date retry-after names', async () => {
    // Whole seconds: the date is at most 2 s ahead and more than 1 s ahead of now.
    const at = new Date(Date.now() + 2000);
    const server = await failingFirst(1, 429, { 'retry-after': at.toUTCString() });
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 5000 });
    expect((await fetch(`${server.url}/models`)).status).toBe(200);
    expect(waits).toHaveLength(1);
    expect(waits[0]?.delaySource).toBe('server');
    expect(waits[0]?.delayMs).toBeGreaterThan(0);
    expect(waits[0]?.delayMs).toBeLessThanOrEqual(2000);
  });

  it('falls back to backoff when retry-after asks for more than 60 s', async () => {
    const server = await failingFirst(1, 429, { 'retry-after': '61' });
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 2 });
    expect((await fetch(`${server.url}/models`)).status).toBe(200);
    expect(waits.map((w) => w.delaySource)).toEqual(['backoff']);
    expect(waits[0]?.delayMs).toBeLessThanOrEqual(2);
  });

  it('reports transport retries, with backoff', async () => {
    const server = await serve((_req, res, i) => {
      if (i === 0) res.socket?.destroy();
      else sendJson(res, 200, {});
    });
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 1 });
    expect((await fetch(`${server.url}/models`)).status).toBe(200);
    expect(waits.map((w) => [w.attempt, w.reason, w.status, w.delaySource])).toEqual([
      [1, 'transport', undefined, 'backoff'],
    ]);
  });

  it("ends a wait as soon as the caller aborts, with the signal's reason", async () => {
    const server = await failingFirst(1, 429, { 'retry-after': '30' });
    const controller = new AbortController();
    const order: string[] = [];
    const { fetch } = recordingFetch(server.url, {
      onRetry: (event) => {
        order.push(`wait ${event.delayMs}`);
        setImmediate(() => {
          order.push('abort');
          controller.abort();
        });
      },
    });
    const outcome = fetch(`${server.url}/models`, { signal: controller.signal }).then(
      () => order.push('resolved'),
      (error: Error) => order.push(`rejected ${error.name}`),
    );
    await withinDeadline('the aborted fetch', () => outcome, 10_000);
    expect(order).toEqual(['wait 30000', 'abort', 'rejected AbortError']);
    expect(server.received).toHaveLength(1);
  });

  it('never replays a stream that delivered bytes, whatever x-should-retry says', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'x-should-retry': 'true' });
      res.write('data: {"delta":"he"}\n\n');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 1 });
    const response = await withinDeadline(
      'the streamed fetch',
      () => fetch(`${server.url}/responses`, { method: 'POST', body: '{"stream":true}' }),
      10_000,
    );
    await expect(response.text()).rejects.toThrow();
    expect(server.received).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('hands a 400 to recovery first; a declined 400 marked x-should-retry: true is then retried', async () => {
    const server = await failingFirst(1, 400, { 'x-should-retry': 'true' });
    const { source: auth, calls } = countingAuth({ recoverResult: false });
    const { fetch, waits } = recordingFetch(server.url, { auth, retryBaseDelayMs: 1 });
    expect((await fetch(`${server.url}/models`)).status).toBe(200);
    expect(calls.recover).toBe(1);
    expect(waits.map((w) => w.status)).toEqual([400]);
  });

  it('retries after a mended 401 at once, without a reported wait', async () => {
    const server = await failingFirst(1, 401);
    const auth: AuthSource = {
      authorize: async (request) => request,
      recover: async () => true,
      describe: () => ({}),
    };
    const { fetch, waits } = recordingFetch(server.url, { auth });
    expect((await fetch(`${server.url}/models`)).status).toBe(200);
    expect(server.received).toHaveLength(2);
    expect(waits).toEqual([]);
  });

  it('reports re-requests of a stream that failed before its first byte against stream_max_retries', async () => {
    const server = await serve((_req, res, i) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      if (i === 0) return void setTimeout(() => res.socket?.destroy(), 10);
      res.end('data: [DONE]\n\n');
    });
    const { fetch, waits } = recordingFetch(server.url, { retryBaseDelayMs: 1, streamMaxRetries: 3 });
    const response = await fetch(`${server.url}/responses`, { method: 'POST', body: '{}' });
    expect(await response.text()).toBe('data: [DONE]\n\n');
    expect(waits.map((w) => [w.attempt, w.maxRetries, w.reason])).toEqual([[1, 3, 'stream']]);
  });
});
