// authorize(request, { signal }): aborting while credentials or a token load settles that call with
// the abort reason at once, while the shared lookup goes on for every other caller.

import { startLoopbackServer } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { createBedrockAuth } from './bedrockAuth.js';
import { createBedrockFetch } from './bedrockFetch.js';

const env = { AWS_REGION: 'us-east-1' };
const MANTLE = 'https://bedrock-mantle.us-east-1.api.aws/openai/v1';
const request = { method: 'POST', url: `${MANTLE}/responses`, headers: {}, body: '{}' };
const keys: AwsCredentials = { accessKeyId: 'AKIDABORT', secretAccessKey: 'abort-secret' };

/** A lookup that answers only when the test releases it, counting its calls. */
function gated<T>(value: T) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const state = { calls: 0, release: () => open() };
  const lookup = async (): Promise<T> => {
    state.calls += 1;
    await gate;
    return value;
  };
  return Object.assign(state, { lookup });
}

/** How a promise stands once every pending callback (the abort listener's included) has run. */
async function standing(promise: Promise<unknown>): Promise<{ state: string; reason?: unknown }> {
  let result: { state: string; reason?: unknown } = { state: 'pending' };
  promise.then(
    () => {
      result = { state: 'fulfilled' };
    },
    (reason: unknown) => {
      result = { state: 'rejected', reason };
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  return result;
}

describe('authorize with an AbortSignal', () => {
  it('rejects an aborted caller while the credentials provider is pending; a concurrent caller still signs, one lookup', async () => {
    const provider = gated(keys);
    const auth = createBedrockAuth({ env, credentialsProvider: provider.lookup });
    const controller = new AbortController();
    const aborted = auth.authorize(request, { signal: controller.signal });
    const other = auth.authorize(request);
    controller.abort();
    const first = await standing(aborted);
    expect(first.state).toBe('rejected');
    expect(first.reason).toBeInstanceOf(DOMException);
    expect((first.reason as DOMException).name).toBe('AbortError');
    expect((await standing(other)).state).toBe('pending'); // the provider has not answered yet
    provider.release();
    expect((await other).headers.authorization).toContain('Credential=AKIDABORT/');
    expect(provider.calls).toBe(1);
  });

  it("rejects with the caller's own reason, and does not start a lookup for a signal already aborted", async () => {
    const provider = gated(keys);
    const auth = createBedrockAuth({ env, credentialsProvider: provider.lookup });
    const reason = new Error('caller gave up');
    expect(await standing(auth.authorize(request, { signal: AbortSignal.abort(reason) }))).toEqual({
      state: 'rejected',
      reason,
    });
    expect(provider.calls).toBe(0);
    const controller = new AbortController();
    const pending = auth.authorize(request, { signal: controller.signal });
    controller.abort(reason);
    expect(await standing(pending)).toEqual({ state: 'rejected', reason });
    provider.release();
    expect((await auth.authorize(request)).headers.authorization).toContain('AKIDABORT');
    expect(provider.calls).toBe(1);
  });

  it('rejects an aborted caller while a token provider is pending; a concurrent caller gets its token', async () => {
    const provider = gated('token-after-release');
    const auth = createBedrockAuth({ env, tokenProvider: provider.lookup });
    const controller = new AbortController();
    const aborted = auth.authorize(request, { signal: controller.signal });
    const other = auth.authorize(request);
    controller.abort();
    expect((await standing(aborted)).state).toBe('rejected');
    expect((await standing(other)).state).toBe('pending');
    provider.release();
    expect((await other).headers.authorization).toBe('Bearer token-after-release');
    // A token provider is asked on every attempt (it is not memoized): once per caller.
    expect(provider.calls).toBe(2);
  });

  it('createBedrockFetch passes init.signal: an abort during credential loading sends nothing', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('{}'));
    try {
      const provider = gated(keys);
      const bedrockFetch = createBedrockFetch({
        env,
        baseUrl: server.origin,
        endpoint: 'mantle',
        credentialsProvider: provider.lookup,
      });
      const controller = new AbortController();
      const url = `${server.origin}/responses`;
      const aborted = bedrockFetch(url, { method: 'POST', body: '{}', signal: controller.signal });
      controller.abort();
      const first = await standing(aborted);
      expect(first.state).toBe('rejected');
      expect((first.reason as Error).name).toBe('AbortError');
      provider.release();
      expect((await bedrockFetch(url, { method: 'POST', body: '{}' })).status).toBe(200);
      expect(server.received).toHaveLength(1);
      expect(provider.calls).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('createBedrockFetch: an abort while recovering from a 401 rejects at once; the refresh runs on', async () => {
    const server = await startLoopbackServer((_req, res) => {
      res.statusCode = 401;
      res.end('{}');
    });
    try {
      const refresh = gated(keys);
      let lookups = 0;
      const bedrockFetch = createBedrockFetch({
        env,
        baseUrl: server.origin,
        endpoint: 'mantle',
        // The first lookup answers at once; the one the 401 asks for waits until released.
        credentialsProvider: () => (++lookups === 1 ? Promise.resolve(keys) : refresh.lookup()),
      });
      const controller = new AbortController();
      const pending = bedrockFetch(`${server.origin}/responses`, {
        method: 'POST',
        body: '{}',
        signal: controller.signal,
      });
      while (refresh.calls === 0) await new Promise((resolve) => setImmediate(resolve));
      const reason = new Error('the caller gave up');
      controller.abort(reason);
      const settled = await standing(pending);
      expect(settled).toEqual({ state: 'rejected', reason });
      refresh.release();
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
