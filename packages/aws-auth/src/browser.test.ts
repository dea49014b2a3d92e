// The package as a browser gets it: the built entry points bundled by esbuild for the browser, then
// run in headless Chromium (Debian's package) against a loopback server that serves the page and
// plays Bedrock on the same origin (so no CORS is involved).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoopbackServer, type ReceivedRequest, sendJson, startLoopbackServer } from '@x/test-kit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, nodeImportsIn } from './__testing__/browserBundle.js';
import type { PageFunctions, PageTarget, SignInput } from './__testing__/browserPage.js';
import { type ChromiumHandle, chromiumMissing, launchChromium } from './__testing__/chromium.js';
import { createBedrockApiKey, signRequest, verifySigV4Request } from './index.js';

const testing = join(dirname(fileURLToPath(import.meta.url)), '__testing__');
const built = join(testing, '..', '..', 'dist', 'index.js');
const ENTRY = `import * as lib from '@x/aws-auth';
import * as endpoints from '@x/aws-auth/endpoints';
import { installBrowserPage } from './browserPage.ts';
installBrowserPage(lib);
globalThis.awsAuthEndpoints = endpoints;
`;
const API_KEY = 'bedrock-api-key-browser-test';
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'browser-session-token',
};

async function bundle(): Promise<{ code: string; inputs: string[] }> {
  if (!existsSync(built)) throw new Error('dist/index.js is missing: build @x/aws-auth first (turbo does)');
  return bundleForBrowser(ENTRY, testing);
}

describe('a browser bundle of @x/aws-auth', () => {
  it('takes the built entry points and reaches no Node built-in and no AWS SDK code', async () => {
    const { code, inputs } = await bundle();
    expect(inputs).toContain('dist/index.js');
    expect(inputs).toContain('dist/endpoints.js');
    expect(inputs.some((input) => input.includes('@smithy/signature-v4/'))).toBe(true);
    // The `browser` condition of `#credential-provider-node` puts a stand-in for the AWS SDK.
    expect(inputs).toContain('dist/credentials/browserDefaultProvider.js');
    expect(inputs.filter((input) => input.includes('@aws-sdk/'))).toEqual([]);
    expect(nodeImportsIn(code)).toEqual([]);
  });

  it('fails the build when a Node built-in is reached', async () => {
    await expect(bundleForBrowser(`import 'node:fs';`, testing)).rejects.toThrow(
      'a browser bundle reached the Node built-in "node:fs"',
    );
    await expect(bundleForBrowser(`import { homedir } from 'os'; homedir();`, testing)).rejects.toThrow(
      'a browser bundle reached the Node built-in "os"',
    );
    expect(
      nodeImportsIn(`import a from "node:fs"; const b = await import('crypto'); require("path")`),
    ).toEqual(['node:fs', 'crypto', 'path']);
  });
});

const missing = chromiumMissing();
if (missing) console.warn(`skipping the tests in headless Chromium: ${missing}`);

describe.skipIf(missing !== undefined)('in headless Chromium', () => {
  let chromium: ChromiumHandle;
  let server: LoopbackServer;
  let page: Page;
  let target: PageTarget;
  const pageErrors: string[] = [];

  /** Calls a function of the page (see __testing__/browserPage.ts) with JSON arguments. */
  const call = <K extends keyof PageFunctions>(
    name: K,
    ...args: Parameters<PageFunctions[K]>
  ): Promise<Awaited<ReturnType<PageFunctions[K]>>> =>
    page.evaluate(
      ([fn, list]) =>
        (globalThis as unknown as { awsAuthPage: Record<string, (...a: unknown[]) => unknown> }).awsAuthPage[
          fn
        ]?.(...list),
      [name, args] as [string, unknown[]],
    ) as Promise<Awaited<ReturnType<PageFunctions[K]>>>;

  const apiCalls = (): ReceivedRequest[] =>
    server.received.filter((r) => r.target === '/openai/v1/responses');

  beforeAll(async () => {
    const { code } = await bundle();
    server = await startLoopbackServer((req, res) => {
      if (req.method === 'GET' && req.target === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>aws-auth</title><script type="module" src="/bundle.js"></script>');
        return;
      }
      if (req.method === 'GET' && req.target === '/bundle.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(code);
        return;
      }
      if (req.method !== 'POST' || req.target !== '/openai/v1/responses') {
        res.writeHead(404).end();
        return;
      }
      const auth = req.headers.authorization ?? '';
      const answer = (status: number, body: object): void => sendJson(res, status, body);
      if (auth === `Bearer ${API_KEY}` || auth === 'Bearer fresh-token') answer(200, { auth: 'bearer' });
      else if (auth.startsWith('AWS4-HMAC-SHA256 ')) {
        const options = { credentials, region: 'us-east-1', services: ['bedrock-mantle'] };
        void verifySigV4Request(req, options).then((verdict) =>
          verdict.ok ? answer(200, { auth: 'sigv4' }) : answer(403, { code: verdict.code }),
        );
      } else answer(401, { message: 'invalid api key' });
    });
    target = { baseUrl: `${server.origin}/openai/v1` };
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => 'awsAuthPage' in globalThis, undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('runs the bundle with nothing of Node in sight', async () => {
    expect(await call('runtime')).toEqual({
      process: 'undefined',
      require: 'undefined',
      Buffer: 'undefined',
    });
    const baseUrl = await page.evaluate(
      () =>
        (
          globalThis as unknown as {
            awsAuthEndpoints: { bedrockEndpoint(o: { region: string }): { baseUrl: string } };
          }
        ).awsAuthEndpoints.bedrockEndpoint({ region: 'eu-west-1' }).baseUrl,
    );
    expect(baseUrl).toBe('https://bedrock-mantle.eu-west-1.api.aws/openai/v1');
    expect(pageErrors).toEqual([]);
  });

  it('a Bedrock API key authorises a request made with createBedrockFetch', async () => {
    const before = apiCalls().length;
    expect(await call('withApiKey', target, API_KEY)).toEqual({ status: 200, body: '{"auth":"bearer"}' });
    const sent = apiCalls().slice(before);
    expect(sent.map((r) => r.headers.authorization)).toEqual([`Bearer ${API_KEY}`]);
    expect(new TextDecoder().decode(sent[0]?.body)).toContain('"input":"hi"');
    // A wrong key is refused by the server and, with nothing to refresh, not retried.
    expect((await call('withApiKey', target, 'bedrock-api-key-wrong')).status).toBe(401);
    expect(apiCalls().length).toBe(before + 2);
  });

  it('a token provider is asked again with forceRefresh after a 401, and the retry authorises', async () => {
    const before = apiCalls().length;
    const result = await call('withTokenProvider', target, ['stale-token', 'fresh-token']);
    expect(result).toEqual({ status: 200, body: '{"auth":"bearer"}', forceRefreshCalls: [false, true] });
    expect(
      apiCalls()
        .slice(before)
        .map((r) => r.headers.authorization),
    ).toEqual(['Bearer stale-token', 'Bearer fresh-token']);
  });

  it('a request signed with SigV4 in the page passes the server check', async () => {
    expect(await call('withSigV4', target, credentials)).toEqual({ status: 200, body: '{"auth":"sigv4"}' });
  });

  it('without any credential the default chain says the AWS SDK is not there', async () => {
    expect(await call('withNothing', target)).toBe('AWS_SDK_UNAVAILABLE');
  });

  it('the smithy engine in the page signs exactly as the native engine in Node', async () => {
    const input: SignInput = {
      request: {
        method: 'POST',
        url: 'https://bedrock-mantle.us-east-1.api.aws/openai/v1/responses?b=2&a=1%2F',
        headers: { 'Content-Type': 'application/json', 'X-Trace': ' a  b ' },
        body: JSON.stringify({ input: 'héllo ✓ 😀' }),
      },
      credentials,
      region: 'us-east-1',
      service: 'bedrock-mantle',
      signingDateMs: Date.UTC(2025, 5, 1, 12, 0, 0),
    };
    const inPage = await call('sign', input);
    const inNode = await signRequest(input.request, {
      region: input.region,
      service: input.service,
      credentials: input.credentials,
      signingDate: new Date(input.signingDateMs),
      engine: 'native',
    });
    expect(inPage.native).toBe('INVALID_OPTION'); // no node:crypto: the page can only use smithy
    expect(inPage.headers).toEqual(inNode.headers);
    expect(inPage.headers.authorization).toMatch(/Signature=[0-9a-f]{64}$/);
    // Presigning (a short-term Bedrock API key) gives the same key too.
    const key = { region: input.region, credentials, signingDate: new Date(input.signingDateMs) };
    expect(await call('apiKey', input)).toBe(await createBedrockApiKey(key));
  });
});
