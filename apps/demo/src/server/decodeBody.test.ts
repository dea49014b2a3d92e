import * as zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyedServer } from '../__testing__/keyedServer.js';
import type { ProviderServer } from './providerServer.js';
import { MAX_BODY_BYTES } from './readBody.js';

const KEY = 'sk-decode-test-key';
let server: ProviderServer;

beforeAll(async () => {
  server = await startKeyedServer(KEY);
});
afterAll(() => server.close());

const zstdCompressSync = (zlib as { zstdCompressSync?: (data: Buffer) => Buffer }).zstdCompressSync;
const ENCODERS: [string, (data: Buffer) => Buffer][] = [
  ['gzip', (data) => zlib.gzipSync(data)],
  ['deflate', (data) => zlib.deflateSync(data)],
  ['br', (data) => zlib.brotliCompressSync(data)],
  ...(zstdCompressSync ? [['zstd', zstdCompressSync] as [string, (data: Buffer) => Buffer]] : []),
];

function post(body: Buffer, encoding: string): Promise<Response> {
  return fetch(`${server.openaiBaseUrl}/responses`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${KEY}`,
      'content-type': 'application/json',
      'content-encoding': encoding,
    },
    body,
  });
}

async function stillAnswers(): Promise<void> {
  const ok = await fetch(`${server.openaiBaseUrl}/models`, { headers: { authorization: `Bearer ${KEY}` } });
  expect(ok.status).toBe(200);
}

describe('compressed request bodies', () => {
  // 16 MiB of zeros: about 16 KiB as gzip or deflate, a few dozen bytes as brotli.
  const zeros = Buffer.alloc(16 * 1024 * 1024);

  it.each(ENCODERS)(
    'answers a %s body that inflates past 4 MiB with 413, then keeps serving',
    async (name, encode) => {
      const bomb = encode(zeros);
      expect(bomb.byteLength).toBeLessThan(MAX_BODY_BYTES / 100);
      const response = await post(bomb, name);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: {
          message: `decompressed request body is larger than ${MAX_BODY_BYTES} bytes`,
          type: 'invalid_request_error',
          param: null,
          code: 'request_too_large',
        },
      });
      await stillAnswers();
    },
  );

  it.each(ENCODERS)('decodes a %s body that inflates to just under 4 MiB', async (name, encode) => {
    const prefix = '{"model":"demo-echo-1","input":"packed","pad":"';
    const pad = ' '.repeat(MAX_BODY_BYTES - prefix.length - 2);
    const json = Buffer.from(`${prefix}${pad}"}`);
    expect(json.byteLength).toBe(MAX_BODY_BYTES);
    const response = await post(encode(json), name);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { output: { content: { text: string }[] }[] };
    expect(body.output[0]?.content[0]?.text).toBe('echo: packed [verified: api-key]');
  });

  it('answers a content-encoding it does not decode with 415', async () => {
    const response = await post(Buffer.from('{"input":"hi"}'), 'compress');
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    await stillAnswers();
  });
});
