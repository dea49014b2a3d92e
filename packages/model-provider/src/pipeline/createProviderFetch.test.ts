import { gunzipSync } from 'node:zlib';
import { PLACEHOLDER_API_KEY } from '@x/auth-seam';
import { sendJson } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { countingAuth } from '../__testing__/countingAuth.js';
import { serve } from '../__testing__/trackedServers.js';
import { ProviderRequestError } from '../errors.js';
import { createProviderFetch } from './createProviderFetch.js';

const post = (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit & { url: string } => ({
  url,
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

describe('createProviderFetch', () => {
  it('authorizes every attempt over the same bytes and retries 5xx with backoff', async () => {
    const server = await serve((_req, res, i) =>
      i < 2 ? sendJson(res, 503, { error: 'busy' }) : sendJson(res, 200, { ok: true }),
    );
    const { source, calls } = countingAuth();
    const attempts: (number | undefined)[] = [];
    const fetch = createProviderFetch({
      baseUrl: server.url,
      auth: source,
      retryBaseDelayMs: 1,
      onAttempt: (e) => attempts.push(e.status),
    });
    const { url, ...init } = post(`${server.url}/responses`, { input: 'hi' });
    const response = await fetch(url, init);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(attempts).toEqual([503, 503, 200]);
    expect(calls.authorize).toBe(3);
    expect(server.received.map((r) => r.body.toString())).toEqual(Array(3).fill('{"input":"hi"}'));
    expect(new Set(calls.seen.map((r) => r.body)).size).toBe(1);
  });

  it('returns the last 5xx after request_max_retries retries', async () => {
    const server = await serve((_req, res) => sendJson(res, 502, { error: 'bad gateway' }));
    const fetch = createProviderFetch({ baseUrl: server.url, requestMaxRetries: 2, retryBaseDelayMs: 1 });
    const response = await fetch(`${server.url}/models`);
    expect(response.status).toBe(502);
    expect(server.received).toHaveLength(3);
  });

  it('retries transport errors, then fails with a TRANSPORT code', async () => {
    const server = await serve((req, res, i) => {
      if (i === 0) res.socket?.destroy();
      else sendJson(res, 200, { path: req.target });
    });
    const fetch = createProviderFetch({ baseUrl: server.url, retryBaseDelayMs: 1 });
    expect((await fetch(`${server.url}/models`)).status).toBe(200);
    expect(server.received).toHaveLength(2);

    const dead = await serve((_req, res) => {
      res.socket?.destroy();
    });
    const failing = createProviderFetch({ baseUrl: dead.url, requestMaxRetries: 1, retryBaseDelayMs: 1 });
    const error = await failing(`${dead.url}/models`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect((error as ProviderRequestError).code).toBe('TRANSPORT');
    expect(dead.received).toHaveLength(2);
  });

  it('recovers once after a 401 and retries once, never looping', async () => {
    const server = await serve((_req, res) => sendJson(res, 401, { error: 'expired' }));
    const { source, calls } = countingAuth();
    const fetch = createProviderFetch({ baseUrl: server.url, auth: source, retryBaseDelayMs: 1 });
    const response = await fetch(`${server.url}/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'expired' });
    expect(calls.recover).toBe(1);
    expect(calls.recoveries[0]?.bodyText).toBe('{"error":"expired"}');
    expect(server.received.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('succeeds on the retry after a recovered 401', async () => {
    const server = await serve((req, res) =>
      req.headers.authorization === 'Bearer token-2' ? sendJson(res, 200, { ok: 1 }) : sendJson(res, 401, {}),
    );
    const { source, calls } = countingAuth();
    const response = await createProviderFetch({ baseUrl: server.url, auth: source })(`${server.url}/models`);
    expect(response.status).toBe(200);
    expect(calls.recover).toBe(1);
    expect(server.received).toHaveLength(2);
  });

  it("lets the source recover once from a 403 (Bedrock's expired token), with the 403 body, then retries once", async () => {
    const server = await serve((req, res) =>
      req.headers.authorization === 'Bearer token-2'
        ? sendJson(res, 200, { ok: 1 })
        : sendJson(res, 403, { message: 'The security token included in the request is expired' }),
    );
    const { source, calls } = countingAuth();
    const response = await createProviderFetch({ baseUrl: server.url, auth: source })(`${server.url}/models`);
    expect(response.status).toBe(200);
    expect(calls.recover).toBe(1);
    expect(calls.recoveries[0]?.status).toBe(403);
    expect(calls.recoveries[0]?.bodyText).toContain('token included in the request is expired');
    expect(server.received.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('hands a 400 to the source too (the seam rule: 400, 401, 403), which may mend it or leave it', async () => {
    const server = await serve((req, res) =>
      req.headers.authorization === 'Bearer token-2'
        ? sendJson(res, 200, { ok: 1 })
        : sendJson(res, 400, { message: 'Signature expired' }),
    );
    const mends = countingAuth();
    const mended = await createProviderFetch({ baseUrl: server.url, auth: mends.source })(
      `${server.url}/models`,
    );
    expect(mended.status).toBe(200);
    expect(mends.calls.recoveries.map((r) => [r.status, r.bodyText])).toEqual([
      [400, '{"message":"Signature expired"}'],
    ]);

    const declines = countingAuth({ recoverResult: false });
    const left = await createProviderFetch({ baseUrl: server.url, auth: declines.source })(
      `${server.url}/models`,
    );
    expect(left.status).toBe(400);
    expect(await left.text()).toBe('{"message":"Signature expired"}');
    expect(declines.calls.recover).toBe(1);
    expect(server.received).toHaveLength(3);
  });

  it('returns the 401 untouched when the source has nothing to recover with', async () => {
    const server = await serve((_req, res) => sendJson(res, 401, { error: 'nope' }));
    const { source, calls } = countingAuth({ recoverResult: false });
    const response = await createProviderFetch({ baseUrl: server.url, auth: source })(`${server.url}/models`);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"error":"nope"}');
    expect(calls.recover).toBe(1);
    expect(server.received).toHaveLength(1);
  });

  it('does not follow redirects, so credentials never reach the redirect target', async () => {
    const elsewhere = await serve((_req, res) => sendJson(res, 200, {}));
    const server = await serve((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/models` });
      res.end();
    });
    const { source } = countingAuth();
    const response = await createProviderFetch({ baseUrl: server.url, auth: source })(`${server.url}/models`);
    expect(response.status).toBe(307);
    expect(elsewhere.received).toHaveLength(0);
  });

  it('refuses to send a request to an origin other than the base URL', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const other = await serve((_req, res) => sendJson(res, 200, {}));
    const { source, calls } = countingAuth();
    const fetch = createProviderFetch({ baseUrl: server.url, auth: source });
    const error = await fetch(`${other.url}/models`).catch((e: unknown) => e);
    expect((error as ProviderRequestError).code).toBe('ORIGIN_MISMATCH');
    expect(calls.authorize).toBe(0);
    expect(other.received).toHaveLength(0);
  });

  it('adds query_params, http_headers and env_http_headers (skipping blank variables) and replaces the placeholder Authorization', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const { source } = countingAuth();
    const fetch = createProviderFetch({
      baseUrl: server.url,
      auth: source,
      queryParams: { 'api-version': '2025-01-01' },
      httpHeaders: { 'X-Team': 'search' },
      envHttpHeaders: { 'OpenAI-Project': 'PROJ', 'OpenAI-Organization': 'ORG', 'X-Missing': 'NOPE' },
      env: { PROJ: 'proj_1', ORG: '   ' },
    });
    await fetch(`${server.url}/models?limit=2`, {
      headers: { Authorization: `Bearer ${PLACEHOLDER_API_KEY}` },
    });
    const [received] = server.received;
    expect(received?.target).toBe('/v1/models?limit=2&api-version=2025-01-01');
    expect(received?.headers['x-team']).toBe('search');
    expect(received?.headers['openai-project']).toBe('proj_1');
    expect(received?.headers['openai-organization']).toBeUndefined();
    expect(received?.headers['x-missing']).toBeUndefined();
    expect(received?.headers.authorization).toBe('Bearer token-1');
  });

  it('keeps the caller Authorization when the provider has no auth', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    await createProviderFetch({ baseUrl: server.url })(`${server.url}/models`, {
      headers: { authorization: 'Bearer own' },
    });
    expect(server.received[0]?.headers.authorization).toBe('Bearer own');
  });

  it('refuses any other caller Authorization when the provider has auth, saying why, and sends nothing', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const { source, calls } = countingAuth();
    const fetch = createProviderFetch({ baseUrl: server.url, auth: source });
    const error = await fetch(`${server.url}/models`, {
      headers: { Authorization: 'Bearer sk-real-key' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect((error as ProviderRequestError).code).toBe('AUTHORIZATION_HEADER_PRESENT');
    expect((error as Error).message).toContain('provider.clientOptions()');
    expect((error as Error).message).not.toContain('sk-real-key');
    expect(calls.authorize).toBe(0);
    expect(server.received).toHaveLength(0);
  });

  it('drops the placeholder Authorization when the provider has no auth', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    await createProviderFetch({ baseUrl: server.url })(`${server.url}/models`, {
      headers: { authorization: `Bearer ${PLACEHOLDER_API_KEY}` },
    });
    expect(server.received[0]?.headers.authorization).toBeUndefined();
  });

  it('gzips bodies once when compression is on, and signs the compressed bytes', async () => {
    const server = await serve((_req, res, i) => (i === 0 ? sendJson(res, 500, {}) : sendJson(res, 200, {})));
    const { source, calls } = countingAuth();
    const body = { input: 'x'.repeat(4096) };
    const { url, ...init } = post(`${server.url}/responses`, body);
    await createProviderFetch({
      baseUrl: server.url,
      auth: source,
      compression: 'gzip',
      retryBaseDelayMs: 1,
    })(url, init);
    for (const received of server.received) {
      expect(received.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(received.body).toString())).toEqual(body);
    }
    expect(calls.seen[0]?.body).toBeInstanceOf(Uint8Array);
    expect(calls.seen[0]?.body).toBe(calls.seen[1]?.body);
  });

  it('reads FormData bodies once and resends the same bytes with their boundary', async () => {
    const server = await serve((_req, res, i) => (i === 0 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    const form = new FormData();
    form.set('purpose', 'batch');
    const fetch = createProviderFetch({ baseUrl: server.url, retryBaseDelayMs: 1 });
    await fetch(`${server.url}/files`, { method: 'POST', body: form });
    const [first, second] = server.received;
    expect(first?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(second?.headers['content-type']).toBe(first?.headers['content-type']);
    expect(second?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
    expect(first?.body.toString()).toContain('batch');
  });

  it('passes streams through untouched and errors a stalled stream with STREAM_IDLE_TIMEOUT', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"delta":"he"}\n\n');
      res.write('data: {"delta":"llo"}\n\n');
      if (req.target?.endsWith('/complete')) res.end('data: [DONE]\n\n');
      // otherwise: never ends, never writes again
    });
    const fetch = createProviderFetch({ baseUrl: server.url, streamIdleTimeoutMs: 1000 });
    const complete = await fetch(`${server.url}/complete`);
    expect(await complete.text()).toBe('data: {"delta":"he"}\n\ndata: {"delta":"llo"}\n\ndata: [DONE]\n\n');

    const stalled = await fetch(`${server.url}/stalled`);
    const error = await stalled.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect((error as ProviderRequestError).code).toBe('STREAM_IDLE_TIMEOUT');
  });
});
