// Canary: a planted secret key, session token and API key never show up in messages, inspect output,
// JSON or anything logged, on success and failure paths.
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBedrockApiKey } from './bedrockApiKey.js';
import { regionFromBedrockApiKey } from './bedrockApiKeyRegion.js';
import { createBedrockAuth } from './bedrockAuth.js';
import { chain } from './credentials/chain.js';
import { fromEnv } from './credentials/fromEnv.js';
import { fromProvider } from './credentials/fromProvider.js';
import { fromStatic } from './credentials/fromStatic.js';
import { memoize } from './credentials/memoize.js';
import { signRequest } from './signRequest.js';
import type { HttpRequest } from './types.js';

const SECRET = 'CANARY-SECRET-KEY-9f8e7d6c5b4a';
const TOKEN = 'CANARY-SESSION-TOKEN-1a2b3c4d5e';
const API_KEY = 'bedrock-api-key-CANARYAPIKEY0123456789';
const planted = [SECRET, TOKEN, API_KEY, 'CANARYAPIKEY'];
const creds = { accessKeyId: 'AKIDCANARY', secretAccessKey: SECRET, sessionToken: TOKEN };
const MANTLE = 'https://bedrock-mantle.us-east-1.api.aws/openai/v1';
const env = { AWS_REGION: 'us-east-1' };

const seen: string[] = [];
const record = (...values: unknown[]): void => {
  for (const value of values) {
    seen.push(typeof value === 'string' ? value : inspect(value, { depth: 10, showHidden: false }));
    try {
      seen.push(JSON.stringify(value) ?? '');
    } catch {
      // cyclic: inspect above already captured it
    }
  }
};
async function failure(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    record(error, (error as Error).message, String(error));
    return;
  }
  throw new Error('expected a failure');
}

beforeEach(() => {
  seen.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => record(...args));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const text of seen) for (const secret of planted) expect(text).not.toContain(secret);
});

describe('canary', () => {
  it('success paths: sources, memoized credentials, signing and BedrockAuth objects', async () => {
    const request: HttpRequest = { method: 'POST', url: `${MANTLE}/responses`, headers: {}, body: '{}' };
    const sources = [
      fromStatic(creds),
      fromEnv({
        env: { AWS_ACCESS_KEY_ID: 'AKIDCANARY', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN },
      }),
      fromProvider(async () => creds),
      memoize(chain(fromEnv({ env: {} }), fromStatic(creds))),
    ];
    for (const source of sources) {
      const resolved = await source();
      expect(resolved.secretAccessKey).toBe(SECRET); // usable...
      record(source, resolved, { ...resolved }); // ...but never printed
    }
    const signed = await signRequest(request, {
      region: 'us-east-1',
      service: 'bedrock-mantle',
      credentials: creds,
    });
    expect(signed.headers['x-amz-security-token']).toBe(TOKEN);
    for (const options of [
      { env, credentials: creds },
      { env, credentialsProvider: async () => creds },
      { env, apiKey: API_KEY },
      { env: { ...env, AWS_BEARER_TOKEN_BEDROCK: API_KEY } },
      { env, tokenProvider: () => API_KEY },
    ]) {
      const auth = createBedrockAuth(options);
      await auth.authorize(request);
      await auth.recover({ status: 401, headers: {}, body: 'expired token' });
      record(auth, auth.describe());
    }
    const key = await createBedrockApiKey({ credentials: creds, region: 'us-east-1' });
    expect(key).toContain('bedrock-api-key-');
  });

  it('failure paths: every error, its cause chain, inspect and JSON', async () => {
    const url = `${MANTLE}/responses`;
    await failure(() => fromStatic({ accessKeyId: '', secretAccessKey: SECRET, sessionToken: TOKEN }));
    await failure(() => fromEnv({ env: { AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN } })());
    await failure(() =>
      fromProvider(async () => ({ secretAccessKey: SECRET, sessionToken: TOKEN }) as never)(),
    );
    await failure(() =>
      signRequest(
        { method: 'GET', url, headers: { Authorization: `Bearer ${API_KEY}` } },
        { region: 'us-east-1', service: 'bedrock', credentials: creds },
      ),
    );
    await failure(() =>
      signRequest(
        { method: 'GET', url, headers: { 'x-amz-security-token': TOKEN, bad: 5 as never } },
        { region: 'us-east-1', service: 'bedrock', credentials: creds },
      ),
    );
    await failure(() => createBedrockAuth({ env, apiKey: API_KEY, credentials: creds }));
    await failure(() => createBedrockAuth({ env: { AWS_REGION: SECRET }, apiKey: API_KEY }));
    await failure(() =>
      createBedrockAuth({ env, apiKey: API_KEY }).authorize({
        method: 'GET',
        url: `https://evil.example/?k=${API_KEY}`,
        headers: {},
      }),
    );
    await failure(() =>
      createBedrockAuth({ env, tokenProvider: () => ' ' }).authorize({ method: 'GET', url, headers: {} }),
    );
    await failure(() => regionFromBedrockApiKey(API_KEY));
    await failure(() =>
      regionFromBedrockApiKey(
        `bedrock-api-key-${btoa(`bedrock.amazonaws.com/?X-Amz-Security-Token=${TOKEN}`)}`,
      ),
    );
    await failure(() =>
      createBedrockApiKey({ credentials: creds, region: 'us-east-1', expiresInSeconds: 10 ** 9 }),
    );
    // Unparsable URLs: Node's TypeError keeps the whole input, so it must not travel as `cause`.
    await failure(() =>
      createBedrockAuth({
        env,
        apiKey: API_KEY,
        baseUrl: `https://user:${SECRET}@bad host/`,
        endpoint: 'mantle',
      }),
    );
    await failure(() =>
      signRequest(
        { method: 'GET', url: `https://bad host/?token=${TOKEN}`, headers: {} },
        { region: 'us-east-1', service: 'bedrock', credentials: creds },
      ),
    );
    await failure(() =>
      createBedrockAuth({ env, apiKey: API_KEY }).authorize({
        method: 'GET',
        url: `https://bad host/?token=${TOKEN}`,
        headers: {},
      }),
    );
    expect(seen.length).toBeGreaterThan(20);
  });
});
