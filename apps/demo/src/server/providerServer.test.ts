import { signRequest } from '@x/aws-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from '../demoAws.js';
import { CONTROL_SECRET_HEADER } from './controlSecret.js';
import { type ProviderServer, startProviderServer } from './providerServer.js';
import { MAX_BODY_BYTES } from './readBody.js';

let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer({
    apiKeys: ['sk-server-test-key'],
    aws: { credentials: DEMO_AWS_CREDENTIALS, region: DEMO_AWS_REGION, services: ['bedrock-mantle'] },
  });
});
afterAll(() => server.close());

async function signedPost(options: { secretAccessKey?: string; signingDate?: Date; body?: string } = {}) {
  const url = `${server.bedrockBaseUrl}/responses`;
  const body = '{"model":"demo-echo-1","input":"hi"}';
  const signed = await signRequest(
    { method: 'POST', url, headers: { 'content-type': 'application/json' }, body },
    {
      region: DEMO_AWS_REGION,
      service: 'bedrock-mantle',
      credentials: {
        ...DEMO_AWS_CREDENTIALS,
        ...(options.secretAccessKey ? { secretAccessKey: options.secretAccessKey } : {}),
      },
      ...(options.signingDate ? { signingDate: options.signingDate } : {}),
    },
  );
  return fetch(url, { method: 'POST', headers: signed.headers, body: options.body ?? body });
}

describe('the embedded provider server', () => {
  it('verifies a SigV4 signature by recomputing it, and says so', async () => {
    const response = await signedPost();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-demo-verified')).toBe('sigv4');
    const body = (await response.json()) as { output: { content: { text: string }[] }[] };
    expect(body.output[0]?.content[0]?.text).toBe('echo: hi [verified: sigv4]');
  });

  it('rejects a wrong secret, a tampered body and a stale signature with AWS-style 403s', async () => {
    const wrong = await signedPost({ secretAccessKey: 'not-the-demo-secret-000000000000000000000' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('x-amzn-errortype')).toBe('SignatureDoesNotMatch');
    expect(((await wrong.json()) as { message: string }).message).toMatch(
      /^The request signature we calculated does not match/,
    );
    const tampered = await signedPost({ body: '{"model":"demo-echo-1","input":"changed"}' });
    expect(tampered.status).toBe(403);
    const stale = await signedPost({ signingDate: new Date(Date.now() - 6 * 60 * 1000) });
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { message: string }).message).toMatch(/^Signature expired/);
  });

  it('accepts minted command tokens until they expire, then answers 401 token_expired', async () => {
    const control = { method: 'POST', headers: { [CONTROL_SECRET_HEADER]: server.controlSecret() } };
    const { token } = (await (await fetch(`${server.origin}/demo/mint`, control)).json()) as {
      token: string;
    };
    const ask = () =>
      fetch(`${server.openaiBaseUrl}/models`, { headers: { authorization: `Bearer ${token}` } });
    const ok = await ask();
    expect(ok.headers.get('x-demo-verified')).toBe('command-token');
    await fetch(`${server.origin}/demo/expire`, control);
    const expired = await ask();
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('token_expired');
  });

  it('rejects unknown and missing bearers, and counts what it verified and rejected', async () => {
    const unknown = await fetch(`${server.openaiBaseUrl}/models`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(unknown.status).toBe(401);
    expect((await fetch(`${server.openaiBaseUrl}/models`)).status).toBe(401);
    const key = await fetch(`${server.openaiBaseUrl}/models`, {
      headers: { authorization: 'Bearer sk-server-test-key' },
    });
    expect(key.headers.get('x-demo-verified')).toBe('api-key');
    expect(server.stats.verified['api-key']).toBeGreaterThanOrEqual(1);
    expect(server.stats.rejected['401']).toBeGreaterThanOrEqual(2);
  });

  it('streams Responses API events over SSE', async () => {
    const response = await fetch(`${server.openaiBaseUrl}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-server-test-key', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'demo-echo-1', input: 'one two', stream: true }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const types = [...(await response.text()).matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);
    expect(types[0]).toBe('response.created');
    expect(types.filter((t) => t === 'response.output_text.delta').length).toBeGreaterThan(1);
    expect(types.at(-1)).toBe('response.completed');
  });

  it('answers a body over 4 MiB with 413 without reading it all', async () => {
    const response = await fetch(`${server.openaiBaseUrl}/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-server-test-key', 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    }).catch((error: unknown) => error);
    // The server answers before the upload ends; fetch sees the 413 or, if the socket closed while it
    // was still sending, a network error. Either way no 200 and no 500.
    if (response instanceof Response) {
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    } else {
      expect(response).toBeInstanceOf(TypeError);
    }
    // The server is still healthy.
    const ok = await fetch(`${server.openaiBaseUrl}/models`, {
      headers: { authorization: 'Bearer sk-server-test-key' },
    });
    expect(ok.status).toBe(200);
  });

  it('answers malformed Responses bodies with 400, not a server error', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.openaiBaseUrl}/responses`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer sk-server-test-key',
          'content-type': 'application/json',
          ...headers,
        },
        body,
      });
    for (const response of [
      await post('null'),
      await post('"text"'),
      await post('[1]'),
      await post('{"model":', {}),
      await post('{"input":"hi"}', { 'content-encoding': 'gzip' }),
    ]) {
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { type: string } }).error.type).toBe(
        'invalid_request_error',
      );
    }
  });
});
