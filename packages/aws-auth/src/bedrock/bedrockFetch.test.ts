import type { FailedResponse } from '@x/auth-seam';
import { type LoopbackServer, startLoopbackServer } from '@x/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAmzDate, verifySigV4 } from '../__testing__/verifySigV4.js';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { createBedrockFetch } from './bedrockFetch.js';

const env = { AWS_REGION: 'us-west-2' };
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A loopback "Bedrock" that recomputes every signature with the secrets it knows. */
async function fakeBedrock(secrets: Record<string, string>, serverOffsetMs = 0): Promise<LoopbackServer> {
  return startLoopbackServer((req, res) => {
    if (req.target.endsWith('/redirect')) {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
      return;
    }
    const now = Date.now() + serverOffsetMs;
    const result = verifySigV4(req, (id) => secrets[id]);
    const date = new Date(now).toUTCString();
    if (!result.ok) {
      const status = result.reason === 'unknown access key' ? 401 : 403;
      res
        .writeHead(status, { 'content-type': 'application/json', date })
        .end(JSON.stringify({ reason: result.reason }));
      return;
    }
    if (Math.abs(parseAmzDate(result.amzDate ?? '') - now) > 5 * 60_000) {
      res
        .writeHead(403, { 'content-type': 'application/json', date })
        .end('{"message":"Signature expired: the request time is too far from the server time"}');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'application/json', date })
      .end(
        JSON.stringify({ ok: true, service: result.service, region: result.region, key: result.accessKeyId }),
      );
  });
}

describe('createBedrockFetch against a real loopback server', () => {
  it('signs every call (string, bytes, query, GET) and the server verifies each signature', async () => {
    server = await fakeBedrock({ AKIDFETCH: 'fetch-secret' });
    const bedrockFetch = createBedrockFetch({
      env,
      credentials: { accessKeyId: 'AKIDFETCH', secretAccessKey: 'fetch-secret' },
      baseUrl: `${server.origin}/openai/v1`,
      endpoint: 'runtime',
    });
    const json = await bedrockFetch(`${server.origin}/openai/v1/chat/completions?x=1&x=0`, {
      method: 'post',
      headers: { 'content-type': 'application/json', x_underscore: 'kept on runtime' },
      body: JSON.stringify({ model: 'openai.gpt-oss-120b', messages: [] }),
    });
    expect(await json.json()).toEqual({
      ok: true,
      service: 'bedrock',
      region: 'us-west-2',
      key: 'AKIDFETCH',
    });
    const bytes = await bedrockFetch(new URL(`${server.origin}/openai/v1/model/a%3Ab/invoke`), {
      method: 'POST',
      body: new Uint8Array([1, 2, 3, 255]),
    });
    expect(bytes.status).toBe(200);
    const get = await bedrockFetch(`${server.origin}/openai/v1/models`);
    expect(get.status).toBe(200);
    const viaRequest = await bedrockFetch(
      new Request(`${server.origin}/openai/v1/responses`, {
        method: 'POST',
        body: 'abc',
        headers: { 'x-a': '1' },
      }),
    );
    expect(viaRequest.status).toBe(200);
    expect(server.received).toHaveLength(4);
    expect(new TextDecoder().decode(server.received[3]?.body)).toBe('abc');
    expect(server.received[1]?.body).toEqual(Buffer.from([1, 2, 3, 255]));
  });

  it('does not follow redirects and refuses other origins', async () => {
    server = await fakeBedrock({ AKIDFETCH: 'fetch-secret' });
    const bedrockFetch = createBedrockFetch({
      env,
      credentials: { accessKeyId: 'AKIDFETCH', secretAccessKey: 'fetch-secret' },
      baseUrl: `${server.origin}/openai/v1`,
      endpoint: 'mantle',
    });
    const response = await bedrockFetch(`${server.origin}/openai/v1/redirect`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(302);
    expect(server.received).toHaveLength(1);
    await expect(bedrockFetch('http://localhost:9/openai/v1/x')).rejects.toMatchObject({
      code: 'ORIGIN_MISMATCH',
    });
    await expect(
      bedrockFetch(`${server.origin}/openai/v1/x`, {
        method: 'POST',
        body: new ReadableStream(),
        duplex: 'half',
      } as RequestInit),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_BODY' });
  });

  it('after a 401 refreshes the credentials and retries once with the new ones', async () => {
    server = await fakeBedrock({ AKIDNEW: 'new-secret' });
    const issued: AwsCredentials[] = [
      { accessKeyId: 'AKIDOLD', secretAccessKey: 'old-secret' },
      { accessKeyId: 'AKIDNEW', secretAccessKey: 'new-secret' },
    ];
    let calls = 0;
    const bedrockFetch = createBedrockFetch({
      env,
      credentialsProvider: async () => issued[Math.min(calls++, 1)] as AwsCredentials,
      baseUrl: `${server.origin}/openai/v1`,
      endpoint: 'mantle',
    });
    const response = await bedrockFetch(`${server.origin}/openai/v1/responses`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(calls).toBe(2);
    expect(server.received.map((r) => String(r.headers.authorization).slice(28, 35))).toEqual([
      'AKIDOLD',
      'AKIDNEW',
    ]);
  });

  it('corrects a skewed clock from the server Date header and the retry is accepted', async () => {
    server = await fakeBedrock({ AKIDSKEW: 'skew-secret' }, 2 * 3_600_000);
    const bedrockFetch = createBedrockFetch(
      {
        env,
        credentials: { accessKeyId: 'AKIDSKEW', secretAccessKey: 'skew-secret' },
        baseUrl: `${server.origin}/openai/v1`,
        endpoint: 'mantle',
      },
      fetch,
    );
    const response = await bedrockFetch(`${server.origin}/openai/v1/responses`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
    expect(Math.abs(bedrockFetch.auth.describe().clockSkewMs - 2 * 3_600_000)).toBeLessThan(5_000);
  });

  it('hands each 400, 401 and 403 (isRecoverableStatus) to recover with its body as bodyText', async () => {
    let status = 400;
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`);
    });
    const bedrockFetch = createBedrockFetch({
      env,
      credentials: { accessKeyId: 'AKIDSTATUS', secretAccessKey: 'status-secret' },
      baseUrl: `${server.origin}/openai/v1`,
      endpoint: 'mantle',
      maxRetries: 0, // 429 and 500 would be retried: this test is about recovery alone
    });
    const seen: Array<{ response: FailedResponse; mended: boolean }> = [];
    const recover = bedrockFetch.auth.recover;
    bedrockFetch.auth.recover = async (response, request) => {
      const mended = await recover(response, request);
      seen.push({ response, mended });
      return mended;
    };
    for (status of [400, 401, 403, 404, 429, 500]) {
      const response = await bedrockFetch(`${server.origin}/openai/v1/responses`, {
        method: 'POST',
        body: '{}',
      });
      expect(response.status).toBe(status);
      expect(await response.text()).toBe(`answered ${status}`);
    }
    expect(seen.map((s) => [s.response.status, s.response.bodyText, s.mended])).toEqual([
      [400, 'answered 400', false], // neither skew nor a rejected credential: nothing to mend
      [401, 'answered 401', false], // static keys cannot be refreshed
      [403, 'answered 403', false],
    ]);
    expect(server.received).toHaveLength(6); // no retries
  });
});
