import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyedServer } from '../__testing__/keyedServer.js';
import { rawRequest } from '../__testing__/rawRequest.js';
import { CONTROL_SECRET_HEADER } from './controlSecret.js';
import type { ProviderServer } from './providerServer.js';
import { COMMON_HEADERS } from './sendJson.js';

const KEY = 'sk-headers-test-key';
let server: ProviderServer;

beforeAll(async () => {
  server = await startKeyedServer(KEY);
});
afterAll(() => server.close());

describe('every answer', () => {
  it('carries no-store and nosniff, whatever the route or outcome', async () => {
    const auth = { authorization: `Bearer ${KEY}` };
    const responses = (body: string | Buffer, headers: Record<string, string> = {}) =>
      fetch(`${server.openaiBaseUrl}/responses`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', ...headers },
        body,
      });
    const control = (path: string, secret?: string) =>
      fetch(`${server.origin}${path}`, {
        method: 'POST',
        headers: secret ? { [CONTROL_SECRET_HEADER]: secret } : {},
      });
    const answers: [string, number, { status: number; headers: Headers | Record<string, unknown> }][] = [
      ['models', 200, await fetch(`${server.openaiBaseUrl}/models`, { headers: auth })],
      ['json answer', 200, await responses('{"model":"demo-echo-1","input":"hi"}')],
      ['sse answer', 200, await responses('{"model":"demo-echo-1","input":"hi","stream":true}')],
      ['no key', 401, await fetch(`${server.openaiBaseUrl}/models`)],
      [
        'bad signature',
        403,
        await fetch(`${server.bedrockBaseUrl}/models`, { headers: { authorization: 'AWS4-HMAC-SHA256 x' } }),
      ],
      ['no route', 404, await fetch(`${server.origin}/nowhere`)],
      ['wrong method', 405, await fetch(`${server.openaiBaseUrl}/responses`, { headers: auth })],
      ['not JSON', 400, await responses('{')],
      [
        'inflation bomb',
        413,
        await responses(gzipSync(Buffer.alloc(8 * 1024 * 1024)), { 'content-encoding': 'gzip' }),
      ],
      ['unknown encoding', 415, await responses('{}', { 'content-encoding': 'compress' })],
      ['mint without secret', 401, await control('/demo/mint')],
      ['mint', 200, await control('/demo/mint', server.controlSecret())],
      ['expire', 200, await control('/demo/expire', server.controlSecret())],
    ];
    const port = Number(new URL(server.origin).port);
    const misdirected = await rawRequest(port, {
      method: 'GET',
      target: '/v1/models',
      headers: { host: 'evil.example' },
    });
    answers.push(['foreign host', 421, { status: misdirected.status, headers: misdirected.headers }]);

    for (const [what, status, answer] of answers) {
      const header = (name: string): unknown =>
        answer.headers instanceof Headers ? answer.headers.get(name) : answer.headers[name];
      expect(answer.status, what).toBe(status);
      for (const [name, value] of Object.entries(COMMON_HEADERS))
        expect(header(name), `${what}: ${name}`).toBe(value);
      expect(header('content-type'), what).toBe(
        what === 'sse answer' ? 'text/event-stream' : 'application/json',
      );
    }
    expect(Object.keys(COMMON_HEADERS).sort()).toEqual(['cache-control', 'x-content-type-options']);
  });
});
