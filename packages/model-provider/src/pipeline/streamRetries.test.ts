import type { AuthSource } from '@x/auth-seam';
import type { LoopbackServer } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { serve } from '../__testing__/trackedServers.js';
import { loadConfig } from '../config/loadConfig.js';
import { ProviderRequestError } from '../errors.js';
import { createProviderRegistry } from '../registry/createProviderRegistry.js';
import { createProviderFetch } from './createProviderFetch.js';

type Behaviour = 'silent' | 'drop' | 'partial' | 'ok';

/** An SSE server whose n-th request behaves as `plan[n]` (the last entry repeats). */
function sseServer(plan: readonly Behaviour[]): Promise<LoopbackServer> {
  return serve((_req, res, i) => {
    const behaviour = plan[Math.min(i, plan.length - 1)];
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    if (behaviour === 'silent') return; // headers only, then nothing
    if (behaviour === 'drop') {
      setTimeout(() => res.socket?.destroy(), 10); // headers arrive, the connection dies before a byte
      return;
    }
    res.write('data: {"delta":"he"}\n\n');
    if (behaviour === 'partial') {
      setTimeout(() => res.socket?.destroy(), 10);
      return;
    }
    res.end('data: [DONE]\n\n');
  });
}

function countingBearer(): { source: AuthSource; tokens: string[] } {
  const tokens: string[] = [];
  const source: AuthSource = {
    async authorize(request) {
      const token = `token-${tokens.length + 1}`;
      tokens.push(token);
      return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
    },
    describe: () => ({}),
  };
  return { source, tokens };
}

// Idle timeouts of 1 s: the same timeout bounds the wait for response headers, and this process's
// own server must answer within it however loaded the machine (both share one event loop).
describe('stream_max_retries', () => {
  it('requests a stream again, authorized afresh, when it stays silent past the idle timeout before its first byte', async () => {
    const server = await sseServer(['silent', 'ok']);
    const { source } = countingBearer();
    const fetch = createProviderFetch({
      baseUrl: server.url,
      auth: source,
      streamIdleTimeoutMs: 1000,
      retryBaseDelayMs: 1,
    });
    const response = await fetch(`${server.url}/responses`, { method: 'POST', body: '{"stream":true}' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('data: {"delta":"he"}\n\ndata: [DONE]\n\n');
    expect(server.received.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(server.received.map((r) => r.body.toString())).toEqual(['{"stream":true}', '{"stream":true}']);
  });

  it('retries a dropped stream up to streamMaxRetries, then hands over a body that fails', async () => {
    const server = await sseServer(['drop']);
    const fetch = createProviderFetch({ baseUrl: server.url, streamMaxRetries: 2, retryBaseDelayMs: 1 });
    const response = await fetch(`${server.url}/responses`);
    expect(response.status).toBe(200);
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(server.received).toHaveLength(3);
  });

  it('hands over the idle-timeout error when every attempt stays silent', async () => {
    const server = await sseServer(['silent']);
    const fetch = createProviderFetch({
      baseUrl: server.url,
      streamMaxRetries: 1,
      streamIdleTimeoutMs: 1000,
      retryBaseDelayMs: 1,
    });
    const response = await fetch(`${server.url}/responses`);
    const error = await response.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect((error as ProviderRequestError).code).toBe('STREAM_IDLE_TIMEOUT');
    expect(server.received).toHaveLength(2);
  });

  it('never replays a stream that has delivered a byte', async () => {
    const server = await sseServer(['partial', 'ok']);
    const fetch = createProviderFetch({ baseUrl: server.url, streamMaxRetries: 5, retryBaseDelayMs: 1 });
    const response = await fetch(`${server.url}/responses`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"delta":"he"}\n\n');
    await expect(reader.read()).rejects.toBeInstanceOf(Error);
    expect(server.received).toHaveLength(1);
  });

  it('does not retry when streamMaxRetries is 0', async () => {
    const server = await sseServer(['drop', 'ok']);
    const fetch = createProviderFetch({ baseUrl: server.url, streamMaxRetries: 0, retryBaseDelayMs: 1 });
    const response = await fetch(`${server.url}/responses`);
    await expect(response.text()).rejects.toBeInstanceOf(Error);
    expect(server.received).toHaveLength(1);
  });

  it('takes stream_max_retries from the config: default 5, capped at 100', async () => {
    const server = await sseServer(['drop']);
    const config = await loadConfig({
      toml: `[model_providers.d]\nname = "D"\nbase_url = "${server.url}"\n\n[model_providers.capped]\nname = "C"\nbase_url = "${server.url}"\nstream_max_retries = 250\n`,
    });
    const registry = createProviderRegistry({ config, env: {}, retryBaseDelayMs: 0 });
    await expect((await registry.get('d').fetch(`${server.url}/responses`)).text()).rejects.toBeInstanceOf(
      Error,
    );
    expect(server.received).toHaveLength(6);
    server.received.length = 0;
    await expect(
      (await registry.get('capped').fetch(`${server.url}/responses`)).text(),
    ).rejects.toBeInstanceOf(Error);
    expect(server.received).toHaveLength(101);
  }, 60_000);
});
