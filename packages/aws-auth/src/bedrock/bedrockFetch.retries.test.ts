import type { RetryEvent } from '@x/auth-seam';
import { type LoopbackServer, startLoopbackServer, withinDeadline } from '@x/test-kit';
import OpenAI, { APIError, APIUserAbortError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMantle } from '../__testing__/fakeMantle.js';
import { createBedrockFetch } from './bedrockFetch.js';
import { bedrockOpenAIOptions } from './bedrockOpenAIOptions.js';

const keys = { accessKeyId: 'AKIDRETRIES', secretAccessKey: 'retries-secret' };
const region = 'us-west-2';
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An official client on the fake Mantle, answering `failures` first; every wait lands in `events`. */
async function clientAnswering(failures: Array<{ status: number; headers?: Record<string, string> }>) {
  server = await startFakeMantle({ region, keys, failures });
  const events: RetryEvent[] = [];
  const options = bedrockOpenAIOptions({
    region,
    baseURL: `${server.origin}/openai/v1`,
    endpoint: 'mantle',
    credentials: keys,
    env: {},
    onRetry: (event) => events.push(event),
  });
  return { client: new OpenAI(options), events };
}

/** A Bedrock fetch with static keys on the loopback `server`; every wait lands in `events`. */
function fetchOn(on: LoopbackServer): {
  bedrockFetch: ReturnType<typeof createBedrockFetch>;
  events: RetryEvent[];
} {
  const events: RetryEvent[] = [];
  const bedrockFetch = createBedrockFetch({
    region,
    baseUrl: `${on.origin}/openai/v1`,
    endpoint: 'mantle',
    credentials: keys,
    env: {},
    onRetry: (event) => events.push(event),
  });
  return { bedrockFetch, events };
}

describe('createBedrockFetch retries as openai-node, through the official client', () => {
  it('retries a 429 once after the Retry-After: 1 it asked for, signing afresh', async () => {
    const { client, events } = await clientAnswering([{ status: 429, headers: { 'retry-after': '1' } }]);
    const started = Date.now();
    const response = await client.responses.create({ model: 'm', input: 'again' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(response.output_text).toBe('sigv4:bedrock-mantle: again');
    expect(events).toEqual([
      { attempt: 1, maxRetries: 2, delayMs: 1000, delaySource: 'server', status: 429, reason: 'status' },
    ]);
    expect(server?.received).toHaveLength(2);
  });

  it('does not retry a 503 marked x-should-retry: false; the client sees the 503', async () => {
    const { client, events } = await clientAnswering([
      { status: 503, headers: { 'x-should-retry': 'false' } },
    ]);
    const error = await client.responses.create({ model: 'm', input: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(503);
    expect(events).toEqual([]);
    expect(server?.received).toHaveLength(1);
  });

  it('gives up after maxRetries (default 2) with backoff, and hands the last answer back', async () => {
    const { client, events } = await clientAnswering([{ status: 500 }, { status: 502 }, { status: 503 }]);
    const error = await client.responses.create({ model: 'm', input: 'x' }).catch((e: unknown) => e);
    expect((error as APIError).status).toBe(503);
    expect(events.map((e) => [e.attempt, e.status, e.delaySource])).toEqual([
      [1, 500, 'backoff'],
      [2, 502, 'backoff'],
    ]);
    expect(server?.received).toHaveLength(3);
  });

  it('ends a wait at once when the caller aborts', async () => {
    const { client, events } = await clientAnswering([{ status: 429, headers: { 'retry-after': '60' } }]);
    const controller = new AbortController();
    const request = client.responses.create({ model: 'm', input: 'x' }, { signal: controller.signal });
    await expect.poll(() => events.length).toBe(1);
    controller.abort();
    // A limit that only catches a hang: the wait asked for is 60 s.
    const outcome = await withinDeadline(
      'the aborted request',
      () =>
        request.then(
          () => 'resolved',
          (e: unknown) => e,
        ),
      20_000,
    );
    expect(outcome).toBeInstanceOf(APIUserAbortError);
    expect(server?.received).toHaveLength(1);
  });
});

describe('createBedrockFetch retries on its own', () => {
  it('retries a dropped connection, reported as transport', async () => {
    let calls = 0;
    server = await startLoopbackServer((_req, res) => {
      if (calls++ === 0) return void res.socket?.destroy();
      res.writeHead(200).end('ok');
    });
    const { bedrockFetch, events } = fetchOn(server);
    const response = await bedrockFetch(`${server.origin}/openai/v1/responses`, {
      method: 'POST',
      body: '{}',
    });
    expect(await response.text()).toBe('ok');
    expect(events).toMatchObject([
      { attempt: 1, maxRetries: 2, reason: 'transport', delaySource: 'backoff' },
    ]);
    expect(server.received).toHaveLength(2);
  });

  it('never sends again once a response is handed back, even when its body then fails', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n', () => setTimeout(() => res.socket?.destroy(), 50));
    });
    const { bedrockFetch, events } = fetchOn(server);
    const response = await bedrockFetch(`${server.origin}/openai/v1/responses`, {
      method: 'POST',
      body: '{}',
    });
    await expect(response.text()).rejects.toThrow();
    expect(events).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('refuses a maxRetries that is not a whole number', () => {
    for (const maxRetries of [-1, 1.5, Number.NaN]) {
      expect(() => createBedrockFetch({ region, credentials: keys, env: {}, maxRetries })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    }
  });
});
