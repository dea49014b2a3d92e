import type { HttpRequest } from '@x/auth-seam';
import { describe, expect, it } from 'vitest';
import { verifiedRequest } from '../__testing__/assertions.js';
import { parseAmzDate } from '../__testing__/verifySigV4.js';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { createBedrockAuth } from './bedrockAuth.js';

const keys: AwsCredentials = { accessKeyId: 'AKIDBEDROCK', secretAccessKey: 'bedrock-secret' };
const MANTLE = 'https://bedrock-mantle.us-east-1.api.aws/openai/v1';
const env = { AWS_REGION: 'us-east-1' };

function request(): HttpRequest {
  return {
    method: 'POST',
    url: `${MANTLE}/responses`,
    headers: { 'content-type': 'application/json' },
    body: '{"a":1}',
  };
}

const verified = (signed: HttpRequest, secret = keys.secretAccessKey) => verifiedRequest(signed, secret);

/** AWS's 403 for a signature dated too far from the server's clock, with the server's `Date`. */
function skewedResponse(serverTime: number) {
  return {
    status: 403,
    headers: new Headers({ date: new Date(serverTime).toUTCString() }),
    bodyText: '{"message":"Signature expired: 20260101T000000Z is now earlier than 20260101T005500Z"}',
  };
}

describe('createBedrockAuth: recover', () => {
  it('force-refreshes credentials once after a 401 or a 403 naming an expired token', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const forced: boolean[] = [];
    const auth = createBedrockAuth({
      env,
      now: () => clock,
      credentialsProvider: async (options) => {
        forced.push(options?.forceRefresh === true);
        return { ...keys, accessKeyId: `AKID${forced.length}` };
      },
    });
    await auth.authorize(request());
    expect(await auth.recover({ status: 401, headers: {} })).toBe(true);
    expect(forced).toEqual([false, true]);
    expect(verified(await auth.authorize(request()))).toMatchObject({ ok: true, accessKeyId: 'AKID2' });
    expect(await auth.recover({ status: 401, headers: {} })).toBe(false); // the retry failed too: give up
    clock += 61_000;
    expect(await auth.recover({ status: 403, headers: {}, bodyText: '{"message":"Access denied"}' })).toBe(
      false,
    );
    const expired =
      '{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}';
    expect(await auth.recover({ status: 403, headers: {}, bodyText: expired })).toBe(true);
    expect(forced).toEqual([false, true, true]);
    expect(await auth.recover({ status: 500, headers: {} })).toBe(false);
  });

  it('resolves false for a plain 400 and refreshes nothing (only skew or a rejected credential is mended)', async () => {
    const forced: boolean[] = [];
    const tokens: boolean[] = [];
    const sigv4 = createBedrockAuth({
      env,
      credentialsProvider: async (options) => {
        forced.push(options?.forceRefresh === true);
        return keys;
      },
    });
    const bearer = createBedrockAuth({
      env,
      tokenProvider: (options) => {
        tokens.push(options?.forceRefresh === true);
        return 'tok';
      },
    });
    for (const auth of [sigv4, bearer]) {
      const sent = await auth.authorize(request());
      expect(
        await auth.recover({ status: 400, headers: {}, bodyText: '{"message":"bad field"}' }, sent),
      ).toBe(false);
      await auth.authorize(request());
    }
    expect(forced).toEqual([false]);
    expect(tokens).toEqual([false, false]);
  });

  it('cannot refresh static keys or a fixed API key', async () => {
    expect(await createBedrockAuth({ env, credentials: keys }).recover({ status: 401, headers: {} })).toBe(
      false,
    );
    expect(await createBedrockAuth({ env, apiKey: 'k' }).recover({ status: 401, headers: {} })).toBe(false);
  });

  it('makes the token provider refresh after a 401', async () => {
    const calls: unknown[] = [];
    const auth = createBedrockAuth({
      env,
      tokenProvider: (o) => {
        calls.push(o);
        return 'tok';
      },
    });
    await auth.authorize(request());
    expect(await auth.recover({ status: 401, headers: new Headers() })).toBe(true);
    await auth.authorize(request());
    await auth.authorize(request());
    expect(calls).toEqual([undefined, { forceRefresh: true }, undefined]);
  });

  it('corrects the clock once from the server Date header so the retry uses server time', async () => {
    const local = Date.parse('2026-01-01T00:00:00Z');
    const server = local + 3_600_000;
    const auth = createBedrockAuth({ env, credentials: keys, now: () => local });
    const skewed = skewedResponse(server);
    expect(await auth.recover(skewed)).toBe(true);
    const retried = await auth.authorize(request());
    expect(parseAmzDate(retried.headers['x-amz-date'] ?? '')).toBe(server);
    expect(auth.describe().clockSkewMs).toBe(3_600_000);
    expect(await auth.recover(skewed)).toBe(false);
  });

  it('retries a concurrent request signed before the clock was corrected, but only once', async () => {
    const local = Date.parse('2026-01-01T00:00:00Z');
    const server = local + 3_600_000;
    const auth = createBedrockAuth({ env, credentials: keys, now: () => local });
    const skewed = skewedResponse(server);
    const first = await auth.authorize(request());
    const second = await auth.authorize(request());
    expect(await auth.recover(skewed, first)).toBe(true);
    // `second` was signed with the old clock: its retry, signed with the server's time, will pass.
    expect(await auth.recover(skewed, second)).toBe(true);
    const retried = await auth.authorize(request());
    expect(parseAmzDate(retried.headers['x-amz-date'] ?? '')).toBe(server);
    // The retry itself failing on skew again: give up.
    expect(await auth.recover(skewed, retried)).toBe(false);
  });

  it('describes the source and region without any secret', () => {
    const auth = createBedrockAuth({ env, credentials: keys });
    const text = JSON.stringify(auth.describe());
    expect(auth.describe()).toEqual({
      auth: 'sigv4',
      source: 'static credentials',
      endpoint: 'mantle',
      baseUrl: MANTLE,
      region: 'us-east-1',
      regionSource: 'AWS_REGION',
      signingService: 'bedrock-mantle',
      clockSkewMs: 0,
    });
    expect(text).not.toContain('bedrock-secret');
  });
});

describe('createBedrockAuth: concurrent failures', () => {
  it('shares one refresh between concurrent 401s and retries requests signed before it', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    let calls = 0;
    let release: () => void = () => {};
    const auth = createBedrockAuth({
      env,
      now: () => clock,
      credentialsProvider: async (options) => {
        calls += 1;
        if (options?.forceRefresh) await new Promise<void>((r) => (release = r));
        return { ...keys, accessKeyId: `AKID${calls}` };
      },
    });
    const first = await auth.authorize(request());
    const second = await auth.authorize(request());
    clock += 5_000;
    const a = auth.recover({ status: 401, headers: {} }, first);
    const b = auth.recover({ status: 401, headers: {} }, second);
    await new Promise((r) => setTimeout(r, 10));
    release();
    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(calls).toBe(2); // one initial resolution, one forced refresh for both failures
    // A late failure of a request signed before the refresh: retry without refreshing again.
    clock += 5_000;
    expect(await auth.recover({ status: 401, headers: {} }, first)).toBe(true);
    // The retry (signed after the refresh) failing too: give up.
    const retried = await auth.authorize(request());
    expect(await auth.recover({ status: 401, headers: {} }, retried)).toBe(false);
    expect(calls).toBe(2);
  });

  it('for bearer tokens, a request carrying an older token is simply retried', async () => {
    let n = 0;
    const auth = createBedrockAuth({ env, tokenProvider: () => `tok-${++n}` });
    const old = await auth.authorize(request());
    expect(await auth.recover({ status: 401, headers: {} }, old)).toBe(true);
    const fresh = await auth.authorize(request());
    expect(fresh.headers.authorization).toBe('Bearer tok-2');
    expect(await auth.recover({ status: 401, headers: {} }, old)).toBe(true);
    expect(await auth.recover({ status: 401, headers: {} }, fresh)).toBe(false);
  });
});
