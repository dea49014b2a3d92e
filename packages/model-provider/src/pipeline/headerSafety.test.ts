import type { AuthSource } from '@x/auth-seam';
import { sendJson } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { countingFetch } from '../__testing__/countingFetch.js';
import { serve } from '../__testing__/trackedServers.js';
import { createProviderRegistry } from '../registry/createProviderRegistry.js';
import { createProviderFetch } from './createProviderFetch.js';

const SECRET = 'sk-header-safety-71c3e9';
const HOSTILE = `${SECRET}\r\nX-Injected: 1`;

const rejection = (run: () => unknown): Promise<{ code?: string; message: string; field?: string }> =>
  Promise.resolve()
    .then(run)
    .then(
      () => {
        throw new Error('expected a rejection');
      },
      (error: unknown) => error as { code?: string; message: string },
    );

describe('header-unsafe values are refused where they are read, and never sent or retried', () => {
  it('an env_key variable: INVALID_CREDENTIAL_VALUE naming the variable, from get()', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const registry = createProviderRegistry({
      config: {
        modelProviders: { k: { name: 'K', base_url: server.url, env_key: 'CORP_KEY' } },
        builtInOverrides: {},
      },
      env: { CORP_KEY: HOSTILE },
    });
    const error = await rejection(() => registry.get('k'));
    expect(error.code).toBe('INVALID_CREDENTIAL_VALUE');
    expect(error.field).toBe('model_providers.k.env_key');
    expect(error.message).toContain('environment variable CORP_KEY (env_key)');
    expect(error.message).not.toContain(SECRET);
  });

  it('an env_http_headers variable: INVALID_HEADER_VALUE naming the variable and header, nothing sent', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const { fetch, calls } = countingFetch();
    const providerFetch = createProviderFetch({
      baseUrl: server.url,
      envHttpHeaders: { 'X-Trace': 'CORP_TRACE' },
      env: { CORP_TRACE: HOSTILE },
      fetch,
      retryBaseDelayMs: 0,
    });
    const error = await rejection(() => providerFetch(`${server.url}/models`));
    expect(error.code).toBe('INVALID_HEADER_VALUE');
    expect(error.message).toContain('environment variable CORP_TRACE (env_http_headers "X-Trace")');
    expect(error.message).not.toContain(SECRET);
    expect(calls.count).toBe(0);
    expect(server.received).toHaveLength(0);
  });

  it('a header an auth source sets: INVALID_HEADER_VALUE naming the header, authorized once, not retried', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const { fetch, calls } = countingFetch();
    let authorized = 0;
    const auth: AuthSource = {
      async authorize(request) {
        authorized++;
        return { ...request, headers: { ...request.headers, authorization: `Bearer ${HOSTILE}` } };
      },
      describe: () => ({}),
    };
    const providerFetch = createProviderFetch({ baseUrl: server.url, auth, fetch, retryBaseDelayMs: 0 });
    const error = await rejection(() => providerFetch(`${server.url}/models`));
    expect(error.code).toBe('INVALID_HEADER_VALUE');
    expect(error.message).toContain('header "authorization" set by the auth source');
    expect(error.message).not.toContain(SECRET);
    expect([authorized, calls.count, server.received.length]).toEqual([1, 0, 0]);
  });

  it('provider http_headers given in code, and caller headers, are checked before sending', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, {}));
    const { fetch, calls } = countingFetch();
    const withHeaders = createProviderFetch({
      baseUrl: server.url,
      httpHeaders: { 'X-Key': HOSTILE },
      fetch,
    });
    const fromProvider = await rejection(() => withHeaders(`${server.url}/models`));
    expect([fromProvider.code, fromProvider.message.includes('header "x-key" of the request')]).toEqual([
      'INVALID_HEADER_VALUE',
      true,
    ]);
    const plain = createProviderFetch({ baseUrl: server.url, fetch });
    const fromCaller = await rejection(() =>
      plain(`${server.url}/models`, { headers: { 'x-a': `a\u0000b` } }),
    );
    expect(fromCaller.code).toBe('INVALID_HEADER_VALUE');
    expect(calls.count).toBe(0);
    // What fetch itself accepts still goes through: surrounding whitespace is stripped, Latin-1 is sent.
    const ok = await plain(`${server.url}/models`, { headers: { 'x-a': ' v\n', 'x-b': 'caf\u00e9' } });
    expect(ok.status).toBe(200);
    expect(server.received[0]?.headers['x-a']).toBe('v');
  });
});
