import type { HttpRequest } from '@x/auth-seam';
import { describe, expect, it } from 'vitest';
import { errorOf, verifiedRequest } from '../__testing__/assertions.js';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { createBedrockAuth } from './bedrockAuth.js';
import type { BedrockAuthOptions } from './bedrockAuthTypes.js';

const keys: AwsCredentials = { accessKeyId: 'AKIDBEDROCK', secretAccessKey: 'bedrock-secret' };
const MANTLE = 'https://bedrock-mantle.us-east-1.api.aws/openai/v1';
const env = { AWS_REGION: 'us-east-1' };

function request(url = `${MANTLE}/responses`, headers: Record<string, string> = {}): HttpRequest {
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"a":1}',
  };
}

const verified = (signed: HttpRequest, secret = keys.secretAccessKey) => verifiedRequest(signed, secret);

describe('createBedrockAuth: precedence', () => {
  it('allows exactly one explicit mode and names the conflicting ones', () => {
    const error = errorOf(() =>
      createBedrockAuth({ env, apiKey: 'k', credentials: keys, profile: 'p' } as BedrockAuthOptions),
    );
    expect(error.code).toBe('CONFLICTING_OPTIONS');
    expect(error.message).toBe('choose one way to authenticate, not apiKey and credentials and profile');
    expect(
      errorOf(() =>
        createBedrockAuth({ env, tokenProvider: () => 't', credentialsProvider: async () => keys }),
      ).code,
    ).toBe('CONFLICTING_OPTIONS');
  });

  it('uses AWS_BEARER_TOKEN_BEDROCK (trimmed) unless apiKey is null, then the default chain', async () => {
    const withToken = { ...env, AWS_BEARER_TOKEN_BEDROCK: '  env-bearer-token \n' };
    const bearer = createBedrockAuth({ env: withToken });
    expect(bearer.describe()).toMatchObject({ auth: 'bearer', source: 'AWS_BEARER_TOKEN_BEDROCK' });
    expect((await bearer.authorize(request())).headers.authorization).toBe('Bearer env-bearer-token');

    const chain = createBedrockAuth({
      env: { ...withToken, AWS_ACCESS_KEY_ID: 'AKIDCHAIN', AWS_SECRET_ACCESS_KEY: 'chain-secret' },
      apiKey: null,
    });
    expect(chain.describe()).toMatchObject({ auth: 'sigv4', signingService: 'bedrock-mantle' });
    const signed = await chain.authorize(request());
    expect(verified(signed, 'chain-secret')).toMatchObject({ ok: true, accessKeyId: 'AKIDCHAIN' });

    const explicit = createBedrockAuth({ env: withToken, credentials: keys });
    expect(explicit.describe().source).toBe('static credentials');
  });

  it('never mixes an ambient AWS_SESSION_TOKEN into explicit keys', async () => {
    const auth = createBedrockAuth({
      env: { ...env, AWS_SESSION_TOKEN: 'ambient-token' },
      credentials: keys,
    });
    const signed = await auth.authorize(request());
    expect(signed.headers['x-amz-security-token']).toBeUndefined();
    expect(verified(signed).ok).toBe(true);
  });
});

describe('createBedrockAuth: endpoint, region and base URL', () => {
  it('resolves Mantle by default and Runtime on request', () => {
    const mantle = createBedrockAuth({ env, apiKey: 'k' });
    expect([mantle.baseUrl, mantle.region, mantle.signingService]).toEqual([
      MANTLE,
      'us-east-1',
      'bedrock-mantle',
    ]);
    const runtime = createBedrockAuth({ env, apiKey: 'k', endpoint: 'runtime', region: 'ca-central-1' });
    expect(runtime.baseUrl).toBe('https://bedrock-runtime.ca-central-1.amazonaws.com/openai/v1');
    expect(runtime.signingService).toBe('bedrock');
    expect(errorOf(() => createBedrockAuth({ env, apiKey: 'k', region: 'ca-central-1' })).code).toBe(
      'REGION_UNSUPPORTED',
    );
  });

  it('needs the endpoint kind for a custom non-AWS base URL, and infers it for Bedrock hosts', () => {
    const proxy = 'https://llm-proxy.internal.example/bedrock/openai/v1';
    expect(errorOf(() => createBedrockAuth({ env, apiKey: 'k', baseUrl: proxy })).code).toBe(
      'ENDPOINT_KIND_REQUIRED',
    );
    const custom = createBedrockAuth({ env, credentials: keys, baseUrl: `${proxy}/`, endpoint: 'runtime' });
    expect(custom.baseUrl).toBe(proxy);
    expect(custom.signingService).toBe('bedrock');
    const inferred = createBedrockAuth({
      env: {},
      apiKey: 'k',
      baseUrl: 'https://bedrock-runtime.eu-west-1.amazonaws.com/openai/v1',
    });
    expect(inferred.describe()).toMatchObject({
      endpoint: 'runtime',
      region: 'eu-west-1',
      regionSource: 'baseUrl host',
    });
    expect(
      errorOf(() =>
        createBedrockAuth({
          env,
          apiKey: 'k',
          baseUrl: 'https://bedrock-runtime.eu-west-1.amazonaws.com/v1',
        }),
      ).code,
    ).toBe('REGION_MISMATCH');
    expect(
      errorOf(() => createBedrockAuth({ env, apiKey: 'k', baseUrl: MANTLE, endpoint: 'runtime' })).code,
    ).toBe('CONFLICTING_OPTIONS');
    expect(errorOf(() => createBedrockAuth({ env, apiKey: 'k', baseUrl: 'not a url' })).code).toBe(
      'INVALID_BASE_URL',
    );
    expect(errorOf(() => createBedrockAuth({ env: {}, apiKey: 'k' })).code).toBe('REGION_MISSING');
  });
});

describe('createBedrockAuth: base URL with user info', () => {
  it('refuses a baseUrl carrying a user name or password, which describe() would otherwise show', () => {
    for (const baseUrl of [
      'https://proxy-user:proxy-password@llm-proxy.internal.example/openai/v1',
      'https://proxy-user@bedrock-mantle.us-east-1.api.aws/openai/v1',
    ]) {
      const error = errorOf(() => createBedrockAuth({ env, credentials: keys, baseUrl, endpoint: 'mantle' }));
      expect(error.code).toBe('INVALID_BASE_URL');
      expect(`${error.message} ${String(error.cause ?? '')}`).not.toMatch(/proxy-password|proxy-user/);
    }
  });
});

describe('createBedrockAuth: authorize', () => {
  it('signs afresh on every attempt with the current time', async () => {
    let clock = Date.parse('2026-05-06T07:08:09Z');
    const auth = createBedrockAuth({ env, credentials: keys, now: () => clock });
    const first = await auth.authorize(request());
    clock += 2000;
    const second = await auth.authorize(request());
    expect(first.headers['x-amz-date']).toBe('20260506T070809Z');
    expect(second.headers['x-amz-date']).toBe('20260506T070811Z');
    expect(first.headers.authorization).not.toBe(second.headers.authorization);
    expect(verified(second)).toMatchObject({ ok: true, service: 'bedrock-mantle', region: 'us-east-1' });
  });

  it('asks the token provider on every attempt', async () => {
    let n = 0;
    const auth = createBedrockAuth({ env, tokenProvider: async () => `token-${++n}` });
    expect((await auth.authorize(request())).headers.authorization).toBe('Bearer token-1');
    expect((await auth.authorize(request())).headers.authorization).toBe('Bearer token-2');
    const empty = createBedrockAuth({ env, tokenProvider: () => '  ' });
    await expect(empty.authorize(request())).rejects.toMatchObject({ code: 'EMPTY_TOKEN' });
    const broken = createBedrockAuth({
      env,
      tokenProvider: () => {
        throw new Error('cannot');
      },
    });
    await expect(broken.authorize(request())).rejects.toMatchObject({ code: 'TOKEN_PROVIDER_FAILED' });
  });

  it('refuses another origin and a caller Authorization header', async () => {
    const auth = createBedrockAuth({ env, apiKey: 'k' });
    await expect(auth.authorize(request('https://evil.example/openai/v1/responses'))).rejects.toMatchObject({
      code: 'ORIGIN_MISMATCH',
    });
    await expect(
      auth.authorize(request(`${MANTLE}/responses`, { Authorization: 'x' })),
    ).rejects.toMatchObject({
      code: 'AUTHORIZATION_HEADER_PRESENT',
    });
    const signer = createBedrockAuth({ env, credentials: keys });
    await expect(
      signer.authorize(request('http://bedrock-mantle.us-east-1.api.aws/x')),
    ).rejects.toMatchObject({
      code: 'ORIGIN_MISMATCH',
    });
  });

  it('removes headers with `_` in their names on Mantle only', async () => {
    const headers = { x_custom_thing: '1', 'x-kept': '2' };
    const mantle = await createBedrockAuth({ env, credentials: keys }).authorize(request(undefined, headers));
    expect(mantle.headers.x_custom_thing).toBeUndefined();
    expect(mantle.headers['x-kept']).toBe('2');
    expect(verified(mantle).ok).toBe(true);
    const runtimeUrl = 'https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/x';
    const runtime = await createBedrockAuth({ env, credentials: keys, endpoint: 'runtime' }).authorize(
      request(runtimeUrl, headers),
    );
    expect(runtime.headers.x_custom_thing).toBe('1');
  });
});
