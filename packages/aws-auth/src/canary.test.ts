// Canary: a planted secret key, session token and API key never show up in messages, inspect output,
// JSON or anything logged, on success and failure paths.
import { inspect } from 'node:util';
import type { HttpRequest } from '@x/auth-seam';
import { startLoopbackServer } from '@x/test-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBedrockApiKey } from './bedrock/bedrockApiKey.js';
import { regionFromBedrockApiKey } from './bedrock/bedrockApiKeyRegion.js';
import { createBedrockAuth } from './bedrock/bedrockAuth.js';
import { createBedrockFetch } from './bedrock/bedrockFetch.js';
import { chain } from './credentials/chain.js';
import { fromEnv } from './credentials/fromEnv.js';
import { fromProvider } from './credentials/fromProvider.js';
import { fromStatic } from './credentials/fromStatic.js';
import { memoize } from './credentials/memoize.js';
import { signRequest } from './sigv4/signRequest.js';

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
/** Records an error and everything in its cause chain (and AggregateError members), fully expanded. */
function recordError(error: unknown, depth = 0): void {
  if (depth > 20 || error === undefined || error === null) return;
  seen.push(inspect(error, { depth: Infinity, showHidden: true }), String(error));
  try {
    seen.push(JSON.stringify(error) ?? '');
  } catch {
    // cyclic: inspect above already captured it
  }
  if (error instanceof Error) {
    seen.push(error.message, error.stack ?? '');
    if (error instanceof AggregateError) for (const member of error.errors) recordError(member, depth + 1);
    recordError(error.cause, depth + 1);
  }
}
async function failure(run: () => unknown, code?: string): Promise<void> {
  try {
    await run();
  } catch (error) {
    recordError(error);
    if (code !== undefined) expect((error as { code?: unknown }).code).toBe(code);
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
      await auth.recover({ status: 401, headers: {}, bodyText: 'expired token' });
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

  it('refusals of credential values a header cannot carry, and platform errors quoting a header', async () => {
    const request: HttpRequest = { method: 'POST', url: `${MANTLE}/responses`, headers: {}, body: '{}' };
    const bad = 'INVALID_CREDENTIAL_VALUE';
    await failure(() => createBedrockAuth({ env, apiKey: `${API_KEY}\r\nx-evil: 1` }), bad);
    await failure(
      () => createBedrockAuth({ env: { ...env, AWS_BEARER_TOKEN_BEDROCK: `${API_KEY}\nX` } }),
      bad,
    );
    await failure(
      () => createBedrockAuth({ env, tokenProvider: () => `${API_KEY}\0X` }).authorize(request),
      bad,
    );
    await failure(
      () => createBedrockAuth({ env, credentials: { ...creds, sessionToken: `${TOKEN}\n` } }),
      bad,
    );
    await failure(
      () =>
        createBedrockAuth({
          env,
          credentialsProvider: async () => ({ ...creds, sessionToken: `${TOKEN}\r\n` }),
        }).authorize(request),
      bad,
    );
    await failure(
      () =>
        fromEnv({
          env: {
            AWS_ACCESS_KEY_ID: 'AKIDCANARY',
            AWS_SECRET_ACCESS_KEY: SECRET,
            AWS_SESSION_TOKEN: `${TOKEN}\u2026`,
          },
        })(),
      bad,
    );
    // A provider whose own failure is the platform's refusal of a header holding the secret.
    const quoting = (secret: string) => () => {
      new Headers({ authorization: `Bearer ${secret}\nX` });
      return 'unreachable';
    };
    await failure(
      () => createBedrockAuth({ env, tokenProvider: quoting(API_KEY) }).authorize(request),
      'TOKEN_PROVIDER_FAILED',
    );
    await failure(
      () =>
        createBedrockAuth({
          env,
          credentialsProvider: async () => {
            quoting(TOKEN)();
            return creds;
          },
        }).authorize(request),
      'CREDENTIALS_PROVIDER_FAILED',
    );
    // fetch itself refusing a header: the caller's, or ours altered on the way (a wrapping fetch).
    const server = await startLoopbackServer((_req, res) => res.end('{}'));
    try {
      const options = { env, baseUrl: server.origin, endpoint: 'mantle' as const, apiKey: API_KEY };
      const url = `${server.origin}/responses`;
      await failure(
        () => createBedrockFetch(options)(url, { method: 'POST', headers: { 'x-note': `${TOKEN}\nX` } }),
        'INVALID_HEADER',
      );
      const altering = (target: string | URL | Request, init?: RequestInit) => {
        const headers = { ...(init?.headers as Record<string, string>) };
        headers.authorization = `${headers.authorization}\nX`;
        return fetch(target, { ...init, headers });
      };
      await failure(
        () => createBedrockFetch(options, altering)(url, { method: 'POST', body: '{}' }),
        'INVALID_HEADER',
      );
      const sigv4 = { env, baseUrl: server.origin, endpoint: 'mantle' as const, credentials: creds };
      const tokenAltering = (target: string | URL | Request, init?: RequestInit) => {
        const headers = { ...(init?.headers as Record<string, string>) };
        headers['x-amz-security-token'] = `${headers['x-amz-security-token']}\0`;
        return fetch(target, { ...init, headers });
      };
      await failure(
        () => createBedrockFetch(sigv4, tokenAltering)(url, { method: 'POST', body: '{}' }),
        'INVALID_HEADER',
      );
      expect(server.received).toHaveLength(0);
    } finally {
      await server.close();
    }
    expect(seen.length).toBeGreaterThan(50);
  });
});
