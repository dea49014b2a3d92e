import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from './loopbackServer.js';
import { sendJson } from './sendJson.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('startLoopbackServer', () => {
  it('records each request as sent, in order, and hands the handler its index', async () => {
    const indexes: number[] = [];
    server = await startLoopbackServer((req, res, index) => {
      indexes.push(index);
      sendJson(res, 200, { seen: req.target }, { 'x-test': 'yes' });
    });
    const first = await fetch(`${server.url}/a?b=1`, { method: 'POST', body: new Uint8Array([0, 255]) });
    expect(first.headers.get('x-test')).toBe('yes');
    expect(await first.json()).toEqual({ seen: '/v1/a?b=1' });
    await (await fetch(`${server.origin}/second`, { headers: { 'x-probe': 'p' } })).text();
    expect(indexes).toEqual([0, 1]);
    expect(server.received.map((r) => [r.method, r.target])).toEqual([
      ['POST', '/v1/a?b=1'],
      ['GET', '/second'],
    ]);
    expect([...(server.received[0]?.body ?? [])]).toEqual([0, 255]);
    expect(server.received[1]?.headers['x-probe']).toBe('p');
  });

  it('answers 500 with the error when the handler rejects', async () => {
    server = await startLoopbackServer(async () => {
      throw new Error('handler broke');
    });
    const response = await fetch(server.origin);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Error: handler broke');
    expect(server.received).toHaveLength(1);
  });
});
