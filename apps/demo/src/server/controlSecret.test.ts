import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from '../demoAws.js';
import { CONTROL_SECRET_HEADER } from './controlSecret.js';
import { type ProviderServer, startProviderServer } from './providerServer.js';

let server: ProviderServer;

beforeAll(async () => {
  server = await startProviderServer({
    aws: { credentials: DEMO_AWS_CREDENTIALS, region: DEMO_AWS_REGION, services: ['bedrock-mantle'] },
  });
});
afterAll(() => server.close());

const control = (path: '/demo/mint' | '/demo/expire', secret?: string) =>
  fetch(`${server.origin}${path}`, {
    method: 'POST',
    headers: secret === undefined ? {} : { [CONTROL_SECRET_HEADER]: secret },
  });

describe('the control secret', () => {
  it('is 32 random bytes per run, and never shows when the server is inspected or serialized', async () => {
    const secret = server.controlSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startProviderServer({
      aws: { credentials: DEMO_AWS_CREDENTIALS, region: DEMO_AWS_REGION, services: ['bedrock-mantle'] },
    });
    try {
      expect(other.controlSecret()).not.toBe(secret);
    } finally {
      await other.close();
    }
    expect(inspect(server, { depth: 10, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(server)).not.toContain(secret);
  });

  it('refuses mint and expire without it or with a wrong one, minting and expiring nothing', async () => {
    const secret = server.controlSecret();
    const { token } = server.minter.mint();
    const minted = server.minter.minted;
    const rejected = server.stats.rejected[401] ?? 0;
    const wrong = [
      undefined,
      '',
      `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`,
      secret.slice(0, -1),
      `${secret}x`,
    ];
    for (const given of wrong) {
      for (const path of ['/demo/mint', '/demo/expire'] as const) {
        const response = await control(path, given);
        expect(response.status).toBe(401);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('invalid_control_secret');
        expect(body.error.message).not.toContain(secret);
        expect(response.headers.get('x-demo-verified')).toBeNull();
      }
    }
    expect(server.minter.minted).toBe(minted);
    expect(server.minter.check(token)).toBe('valid');
    expect(server.stats.rejected[401]).toBe(rejected + wrong.length * 2);
  });

  it('mints and expires with it', async () => {
    const minted = server.minter.minted;
    const response = await control('/demo/mint', server.controlSecret());
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(server.minter.minted).toBe(minted + 1);
    expect(server.minter.check(token)).toBe('valid');
    const expire = await control('/demo/expire', server.controlSecret());
    expect(expire.status).toBe(200);
    expect(server.minter.check(token)).toBe('expired');
  });
});
