import OpenAI, { APIError, RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyedServer } from '../__testing__/keyedServer.js';
import type { ProviderServer } from './providerServer.js';

const KEY = 'sk-official-client-test';
let server: ProviderServer;
beforeAll(async () => {
  server = await startKeyedServer(KEY);
});
afterAll(() => server.close());

/** The official client against the embedded server; `fail` sets `x-xdemo-fail` on every request. */
function client(options: { maxRetries?: number; fail?: string; baseURL?: string } = {}): OpenAI {
  return new OpenAI({
    apiKey: KEY,
    baseURL: options.baseURL ?? server.openaiBaseUrl,
    maxRetries: options.maxRetries ?? 0,
    ...(options.fail ? { defaultHeaders: { 'x-xdemo-fail': options.fail } } : {}),
  });
}

describe('the embedded server, as the official openai client sees it', () => {
  it('streams a response that responses.stream() accumulates into the text and a final response', async () => {
    const stream = client().responses.stream({ model: 'demo-echo-1', input: 'one two three' });
    const deltas: string[] = [];
    const types: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('echo: one two three [verified: api-key]');
    expect(final.status).toBe('completed');
    expect(final.usage?.output_tokens).toBeGreaterThan(0);
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe(final.output_text);
    expect(types.filter((t) => t !== 'response.output_text.delta')).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
  });

  it('numbers every streamed event in order', async () => {
    const stream = await client().responses.create({ model: 'demo-echo-1', input: 'hi', stream: true });
    const numbers: number[] = [];
    for await (const event of stream) numbers.push(event.sequence_number);
    expect(numbers).toEqual(numbers.map((_, i) => i));
  });

  it('answers responses.create() without streaming, under /openai/v1 too', async () => {
    const response = await client({ baseURL: server.bedrockBaseUrl }).responses.create({
      model: 'demo-echo-mini',
      input: [{ role: 'user', content: 'as a list' }],
    });
    expect(response.output_text).toBe('echo: as a list [verified: api-key]');
    expect(response.model).toBe('demo-echo-mini');
  });

  it('answers chat.completions.create() whole and streamed, ending the stream with [DONE]', async () => {
    const { chat } = client({ baseURL: server.bedrockBaseUrl });
    const messages = [
      { role: 'system' as const, content: 'be brief' },
      { role: 'user' as const, content: 'chat with me' },
    ];
    const whole = await chat.completions.create({ model: 'demo-echo-1', messages });
    expect(whole.object).toBe('chat.completion');
    expect(whole.choices[0]?.message.content).toBe('echo: chat with me [verified: api-key]');
    expect(whole.choices[0]?.finish_reason).toBe('stop');

    const stream = await chat.completions.create({
      model: 'demo-echo-1',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const finishes: (string | null | undefined)[] = [];
    let usage: number | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      text += chunk.choices[0]?.delta.content ?? '';
      finishes.push(chunk.choices[0]?.finish_reason);
      if (chunk.usage) usage = chunk.usage.total_tokens;
    }
    expect(text).toBe('echo: chat with me [verified: api-key]');
    expect(finishes.filter(Boolean)).toEqual(['stop']);
    expect(usage).toBeGreaterThan(0);
    const raw = await fetch(`${server.openaiBaseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'demo-echo-1', messages, stream: true }),
    });
    expect((await raw.text()).endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('surfaces an asked-for 429 with its status, Retry-After and OpenAI error fields', async () => {
    const error = await client({ fail: '429;retry-after=7;times=1;id=surface' })
      .chat.completions.create({ model: 'demo-echo-1', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const rate = error as RateLimitError;
    expect(rate.status).toBe(429);
    expect(rate.headers.get('retry-after')).toBe('7');
    expect(rate.code).toBe('rate_limit_exceeded');
    expect(rate.type).toBe('requests');
    expect(rate.param).toBeNull();
  });

  it("lets the client's own retry get past a 429 and a 503 asked for once", async () => {
    for (const [status, fail] of [
      [429, '429;retry-after-ms=1;times=1;id=retry'],
      [503, '503;retry-after-ms=1;times=1;id=retry'],
    ] as const) {
      const before = server.stats.rejected[status] ?? 0;
      const { data, response } = await client({ maxRetries: 1, fail })
        .responses.create({ model: 'demo-echo-1', input: 'again' })
        .withResponse();
      expect(data.output_text).toBe('echo: again [verified: api-key]');
      expect(response.status).toBe(200);
      expect(server.stats.rejected[status]).toBe(before + 1);
    }
  });

  it('answers every refusal in OpenAI error shape, with the right status', async () => {
    const post = (path: string, init: RequestInit = {}) =>
      fetch(`${server.origin}${path}`, {
        method: 'POST',
        ...init,
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...init.headers },
      });
    const cases: [Promise<Response>, number, string | null][] = [
      [post('/v1/nowhere'), 404, 'unknown_url'],
      [post('/v1/models'), 405, 'method_not_allowed'],
      [
        fetch(`${server.openaiBaseUrl}/responses`, { headers: { authorization: `Bearer ${KEY}` } }),
        405,
        'method_not_allowed',
      ],
      [post('/v1/responses', { body: '{"input":"no model"}' }), 400, 'missing_required_parameter'],
      [post('/v1/chat/completions', { body: '{"model":"demo-echo-1"}' }), 400, 'missing_required_parameter'],
      [post('/v1/chat/completions', { body: 'not json' }), 400, 'invalid_json'],
      [
        post('/v1/responses', { body: '{}', headers: { 'content-encoding': 'compress' } }),
        415,
        'unsupported_encoding',
      ],
      [post('/v1/chat/completions', { headers: { authorization: 'Bearer wrong' } }), 401, 'invalid_api_key'],
      [post('/demo/mint'), 401, 'invalid_control_secret'],
      [post('/v1/responses', { headers: { 'x-xdemo-fail': '200' } }), 400, 'invalid_fail_header'],
      [
        post('/v1/responses', { headers: { 'x-xdemo-fail': '503;times=1;id=shape' } }),
        503,
        'service_unavailable',
      ],
    ];
    for (const [pending, status, code] of cases) {
      const response = await pending;
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = (await response.json()) as { error: Record<string, unknown> };
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
      expect(body.error.code).toBe(code);
      expect(typeof body.error.message).toBe('string');
    }
  });

  it('refuses a forged Host with 421 in OpenAI error shape before reading the body', async () => {
    const { rawRequest } = await import('../__testing__/rawRequest.js');
    const port = Number(new URL(server.origin).port);
    const answer = await rawRequest(port, {
      method: 'POST',
      target: '/v1/chat/completions',
      headers: { host: 'evil.example' },
    });
    expect(answer.status).toBe(421);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        message: expect.any(String),
        type: 'invalid_request_error',
        param: null,
        code: 'misdirected_request',
      },
    });
  });

  it('surfaces an APIError for a bad key through the client', async () => {
    const error = await new OpenAI({ apiKey: 'wrong', baseURL: server.openaiBaseUrl, maxRetries: 0 }).models
      .list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(401);
    expect((error as APIError).code).toBe('invalid_api_key');
  });
});
