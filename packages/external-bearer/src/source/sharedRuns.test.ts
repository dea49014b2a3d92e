import { describe, expect, it } from 'vitest';
import { scriptDirPerTest } from '../__testing__/testScripts.js';
import { type CommandTokenEvent, createCommandTokenSource } from '../index.js';

const scripts = scriptDirPerTest();

describe('one run at a time', () => {
  it('1,000 concurrent getToken calls on a cold cache cause exactly one run', async () => {
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}\n' });
    const source = createCommandTokenSource({ command });
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => source.getToken()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(await scripts.runs()).toBe(1);
    expect(source.describe().runs).toBe(1);
    // warm cache: no more runs
    await Promise.all(Array.from({ length: 100 }, () => source.getToken()));
    expect(await scripts.runs()).toBe(1);
  });

  it('1,000 concurrent refreshes with the same stale token cause exactly one more run', async () => {
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
    const events: CommandTokenEvent[] = [];
    const source = createCommandTokenSource({ command, onEvent: (event) => events.push(event) });
    const stale = await source.getToken();
    const fresh = await Promise.all(
      Array.from({ length: 1000 }, () => source.refresh({ staleToken: stale })),
    );
    expect(new Set(fresh)).toEqual(new Set(['token-2']));
    expect(await scripts.runs()).toBe(2);
    expect(events.filter((event) => event.type === 'run-start').map((event) => event.reason)).toEqual([
      'cold',
      'unauthorized',
    ]);
    // a late refresh with the old stale token does not run again: the cached token already changed
    expect(await source.refresh({ staleToken: stale })).toBe('token-2');
    expect(await scripts.runs()).toBe(2);
    // refresh() without a stale token forces a run
    expect(await source.refresh()).toBe('token-3');
    expect(await scripts.runs()).toBe(3);
  });

  it('getToken calls made while a 401 refresh is under way wait for the new token', async () => {
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
    const source = createCommandTokenSource({ command });
    const stale = await source.getToken();
    const [refreshed, ...others] = await Promise.all([
      source.refresh({ staleToken: stale }),
      ...Array.from({ length: 50 }, () => source.getToken()),
    ]);
    expect(refreshed).toBe('token-2');
    expect(new Set(others)).toEqual(new Set(['token-2']));
    expect(await scripts.runs()).toBe(2);
  });

  it("one caller's signal abandons only that caller's wait, not the shared run", async () => {
    const command = await scripts.node(
      'slow-token.mjs',
      [
        "import { appendFileSync } from 'node:fs';",
        `appendFileSync(${JSON.stringify(`${scripts.dir}/runs.log`)}, 'run\\n');`,
        "setTimeout(() => process.stdout.write('slow-token'), 300);",
      ].join('\n'),
    );
    const events: CommandTokenEvent[] = [];
    const source = createCommandTokenSource({ command, onEvent: (event) => events.push(event) });
    const controller = new AbortController();
    const abandoned = source.getToken({ signal: controller.signal });
    const patient = source.getToken();
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(abandoned).rejects.toBe(reason);
    expect(await patient).toBe('slow-token');
    expect(await scripts.runs()).toBe(1);
    expect(events.filter((event) => event.type === 'run-end')).toHaveLength(1);
    // an already-aborted signal rejects at once, even on a warm cache
    const signal = AbortSignal.abort();
    await expect(source.getToken({ signal })).rejects.toBe(signal.reason);
  });
});

describe('the auth-source seam', () => {
  it('authorize sets one Authorization header on a new request; recover refreshes once after a 401', async () => {
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
    const source = createCommandTokenSource({ command });
    const request = {
      method: 'POST',
      url: 'https://example.test/v1',
      headers: { Authorization: 'Bearer old', 'content-type': 'application/json' },
      body: '{}',
    };
    const authorized = await source.authorize(request);
    expect(authorized).not.toBe(request);
    expect(request.headers.Authorization).toBe('Bearer old');
    expect(authorized.headers).toEqual({
      'content-type': 'application/json',
      authorization: 'Bearer token-1',
    });
    expect(authorized.body).toBe('{}');

    expect(await source.recover({ status: 500, headers: new Headers() })).toBe(false);
    expect(await scripts.runs()).toBe(1);
    const retried = await Promise.all(
      Array.from({ length: 20 }, () => source.recover({ status: 401, headers: new Headers() })),
    );
    expect(retried.every((value) => value)).toBe(true);
    expect(await scripts.runs()).toBe(2);
    expect((await source.authorize(request)).headers.authorization).toBe('Bearer token-2');
  });

  it("a late 401 for an already replaced token retries without another run (recover's request)", async () => {
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
    const source = createCommandTokenSource({ command });
    const request = { method: 'GET', url: 'https://example.test', headers: {} };
    const first = await source.authorize(request);
    const second = await source.authorize(request);
    expect(second.headers.authorization).toBe('Bearer token-1');
    // the first request's 401: one run, then its retry carries token-2
    expect(await source.recover({ status: 401, headers: {} }, first)).toBe(true);
    const retried = await source.authorize(request);
    expect(retried.headers.authorization).toBe('Bearer token-2');
    // the second request's 401 (it sent token-1) arrives after that retry: token-2 stays
    expect(await source.recover({ status: 401, headers: {} }, second)).toBe(true);
    expect(await scripts.runs()).toBe(2);
    expect(await source.getToken()).toBe('token-2');
    // a 401 for the current token still refreshes
    expect(await source.recover({ status: 401, headers: {} }, retried)).toBe(true);
    expect(await scripts.runs()).toBe(3);
  });

  it('recover resolves false for a 400 or 403 (a new token mends neither) and runs nothing', async () => {
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
    const source = createCommandTokenSource({ command });
    const authorized = await source.authorize({ method: 'GET', url: 'https://example.test', headers: {} });
    // a fetch Response fits the seam's FailedResponse; an already-read body goes in bodyText
    expect(await source.recover(new Response('bad request', { status: 400 }), authorized)).toBe(false);
    expect(await source.recover({ status: 400, headers: {}, bodyText: '{"error":"bad"}' }, authorized)).toBe(
      false,
    );
    expect(await source.recover({ status: 403, headers: {}, bodyText: 'forbidden' })).toBe(false);
    expect(await scripts.runs()).toBe(1);
    expect(await source.getToken()).toBe('token-1');
    expect(await source.recover({ status: 401, headers: {}, bodyText: 'expired' }, authorized)).toBe(true);
    expect(await scripts.runs()).toBe(2);
  });

  it('recover resolves false when the command mints the same rejected token again', async () => {
    const command = await scripts.counting('same.mjs', { stdout: 'always-the-same' });
    const source = createCommandTokenSource({ command });
    await source.authorize({ method: 'GET', url: 'https://example.test', headers: {} });
    expect(await source.recover({ status: 401, headers: {} })).toBe(false);
    expect(await scripts.runs()).toBe(2);
  });
});
