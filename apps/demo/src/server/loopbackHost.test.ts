import { signRequest } from '@x/aws-auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyedServer } from '../__testing__/keyedServer.js';
import { rawRequest } from '../__testing__/rawRequest.js';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from '../demoAws.js';
import { CONTROL_SECRET_HEADER } from './controlSecret.js';
import type { ProviderServer } from './providerServer.js';

const KEY = 'sk-host-test-key';
let server: ProviderServer;
let port: number;

beforeAll(async () => {
  server = await startKeyedServer(KEY);
  port = Number(new URL(server.origin).port);
});
afterAll(() => server.close());

const models = (host: string) =>
  rawRequest(port, {
    method: 'GET',
    target: '/v1/models',
    headers: { host, authorization: `Bearer ${KEY}` },
  });

function expectMisdirected(response: { status: number; body: string }): void {
  expect(response.status).toBe(421);
  expect(JSON.parse(response.body)).toMatchObject({
    error: { type: 'invalid_request_error', code: 'misdirected_request' },
  });
}

describe('the Host check', () => {
  it('answers loopback names and addresses with the server port', async () => {
    for (const host of [
      `localhost:${port}`,
      `LocalHost:${port}`,
      `127.0.0.1:${port}`,
      `127.9.8.7:${port}`,
      `[::1]:${port}`,
    ]) {
      const response = await models(host);
      expect(response.status, host).toBe(200);
    }
  });

  it('refuses every other Host with 421 on every route, minting and expiring nothing', async () => {
    const refused = [
      'evil.example',
      `evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `0.0.0.0:${port}`,
      `[::2]:${port}`,
      `127.0.0.256:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `127.0.0.1:${port}@evil.example`,
      `127.0.0.1:${port}/v1/models#`,
    ];
    const minted = server.minter.minted;
    const { token } = server.minter.mint();
    for (const host of refused) {
      expectMisdirected(await models(host));
      // With the right control secret, so only the Host is wrong.
      const control = { host, [CONTROL_SECRET_HEADER]: server.controlSecret() };
      expectMisdirected(await rawRequest(port, { method: 'POST', target: '/demo/mint', headers: control }));
      expectMisdirected(await rawRequest(port, { method: 'POST', target: '/demo/expire', headers: control }));
      expectMisdirected(await rawRequest(port, { method: 'GET', target: '/nowhere', headers: { host } }));
    }
    expect(server.minter.minted).toBe(minted + 1);
    expect(server.minter.check(token)).toBe('valid');
    expect(server.stats.rejected[421]).toBe(refused.length * 4);
    // Node itself refuses a request with no Host at all.
    const noHost = { [CONTROL_SECRET_HEADER]: server.controlSecret() };
    expect((await rawRequest(port, { method: 'POST', target: '/demo/mint', headers: noHost })).status).toBe(
      400,
    );
    expect(server.minter.minted).toBe(minted + 1);
  });

  it('refuses a SigV4 request signed for one path and replayed for another behind a forged Host', async () => {
    const signed = await signRequest(
      { method: 'GET', url: `${server.origin}/v1/models`, headers: {} },
      { region: DEMO_AWS_REGION, service: 'bedrock-mantle', credentials: DEMO_AWS_CREDENTIALS },
    );
    const headers = { ...signed.headers, host: `127.0.0.1:${port}` };
    const honest = await rawRequest(port, { method: 'GET', target: '/v1/models', headers });
    expect(honest.status).toBe(200);
    expect(honest.headers['x-demo-verified']).toBe('sigv4');
    const forgedHost = `127.0.0.1:${port}/v1/models#`;
    for (const target of ['/admin/delete?all=1', '/openai/v1/models']) {
      const forged = await rawRequest(port, {
        method: 'GET',
        target,
        headers: { ...headers, host: forgedHost },
      });
      expectMisdirected(forged);
      expect(forged.headers['x-demo-verified']).toBeUndefined();
    }
  });
});
