// Requests built to pass a signature meant for another request: a Host that rewrites the target, query
// authorization next to the header, a scope naming another day, a target the URL parser would rewrite.

import { startLoopbackServer } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { signRequest } from './signRequest.js';
import { type ReceivedRequest, verifySigV4Request } from './verifySigV4Request.js';

const credentials = {
  accessKeyId: 'AKIDHOSTILE000000000',
  secretAccessKey: 'hostile-secret-key-00000000000000000000',
};
const options = { credentials, region: 'us-east-1', services: ['bedrock'] };

async function signed(method: string, url: string, body = ''): Promise<ReceivedRequest> {
  const request = await signRequest(
    { method, url, headers: {}, body },
    { region: 'us-east-1', service: 'bedrock', credentials },
  );
  const parsed = new URL(url);
  return { method, target: `${parsed.pathname}${parsed.search}`, headers: request.headers, body };
}

const denied = (code: string) => ({ ok: false, code });

describe('verifySigV4Request: hostile input', () => {
  it('refuses a Host header that smuggles a path, so a GET /v1/models signature cannot cover another target', async () => {
    const genuine = await signed('GET', 'http://127.0.0.1:8080/v1/models');
    expect(await verifySigV4Request(genuine, options)).toMatchObject({ ok: true });
    for (const host of ['127.0.0.1:8080/v1/models#', '127.0.0.1:8080/v1/models?', 'x@127.0.0.1:8080']) {
      const forged = { ...genuine, target: '/admin/delete?all=1', headers: { ...genuine.headers, host } };
      expect(await verifySigV4Request(forged, options), host).toEqual({
        ...denied('INVALID_HOST'),
        message: 'The Host header must be exactly one host name or IP address with an optional port.',
      });
    }
  });

  it('accepts only host[:port] in Host: names, IPv4, bracketed IPv6, ports up to 65535', async () => {
    for (const [url, host] of [
      ['https://h.example/a', 'h.example'],
      ['http://10.0.0.1:65535/a', '10.0.0.1:65535'],
      ['http://[::1]:8080/a', '[::1]:8080'],
    ] as const) {
      const request = await signed('GET', url);
      expect(request.headers.host).toBe(host);
      expect(await verifySigV4Request(request, options), host).toMatchObject({ ok: true });
    }
    const genuine = await signed('GET', 'http://h.example:8080/a');
    const hosts: Array<string | string[] | undefined> = [
      'h.example:8080/',
      'h.example:8080\\',
      'h.example:8080#',
      'user:pw@h.example:8080',
      'h.example :8080',
      'h.example:8080\r\nx-injected: 1',
      'h.example:8080\0',
      'h.example\t',
      'h.example:65536',
      'h.example:',
      '[::1',
      '',
      ['h.example:8080', 'h.example:8080'],
      undefined,
    ];
    for (const host of hosts) {
      const headers: ReceivedRequest['headers'] = { ...genuine.headers, host };
      if (host === undefined) delete headers.host;
      expect(await verifySigV4Request({ ...genuine, headers }, options), JSON.stringify(host)).toMatchObject(
        denied('INVALID_HOST'),
      );
    }
  });

  it('refuses X-Amz-Signature, X-Amz-Credential or X-Amz-Algorithm in the query of a header-signed request', async () => {
    const genuine = await signed('GET', 'http://127.0.0.1:8080/v1/models?a=1');
    for (const name of ['X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Algorithm', 'x-amz-signature']) {
      const mixed = { ...genuine, target: `${genuine.target}&${name}=abc` };
      const verdict = await verifySigV4Request(mixed, options);
      expect(verdict, name).toMatchObject(denied('MIXED_AUTH'));
      expect(verdict.ok ? '' : verdict.message).toContain(`a ${name} query parameter`);
    }
    // Signed with such a parameter in the URL is refused the same way: one mechanism per request.
    const both = await signed('GET', 'http://127.0.0.1:8080/v1/models?X-Amz-Algorithm=AWS4-HMAC-SHA256');
    expect(await verifySigV4Request(both, options)).toMatchObject(denied('MIXED_AUTH'));
  });

  it('refuses a credential scope whose date is not the day of x-amz-date', async () => {
    const genuine = await signed('GET', 'http://127.0.0.1:8080/a');
    const day = String(genuine.headers['x-amz-date']).slice(0, 8);
    const authorization = String(genuine.headers.authorization).replace(`/${day}/`, '/20000101/');
    const verdict = await verifySigV4Request(
      { ...genuine, headers: { ...genuine.headers, authorization } },
      options,
    );
    expect(verdict).toEqual({
      ...denied('InvalidSignatureException'),
      message: `Date in Credential scope does not match YYYYMMDD from X-Amz-Date: 20000101 != ${day}.`,
    });
  });

  it('signs the method and target exactly as received, without a URL parser rewriting them', async () => {
    const post = await signed('POST', 'http://127.0.0.1:8080/a/b');
    expect(await verifySigV4Request({ ...post, method: 'post' }, options)).toMatchObject(
      denied('SignatureDoesNotMatch'),
    );
    for (const target of ['/a\\b', '/a/x/%2e%2e/b', '/x/%2E%2E/a/b']) {
      expect(await verifySigV4Request({ ...post, target }, options), target).toMatchObject(
        denied('SignatureDoesNotMatch'),
      );
    }
    for (const target of ['/a/b#frag', '/a/b c', 'a/b', '*']) {
      expect(await verifySigV4Request({ ...post, target }, options), target).toMatchObject({ ok: false });
    }
  });

  it('refuses an x-amz-content-sha256 header that is not the hash of the body', async () => {
    const genuine = await signed('POST', 'http://127.0.0.1:8080/a', '{"a":1}');
    const lying = { ...genuine, headers: { ...genuine.headers, 'x-amz-content-sha256': '0'.repeat(64) } };
    expect(await verifySigV4Request(lying, options)).toMatchObject(denied('XAmzContentSHA256Mismatch'));
  });

  it('refuses a forged Host sent over a real socket', async () => {
    const server = await startLoopbackServer((_req, res) => res.end());
    try {
      const genuine = await signed('GET', `${server.origin}/v1/models`);
      const { request } = await import('node:http');
      // fetch would refuse this Host; a raw client sends whatever it likes.
      await new Promise<void>((resolve, reject) => {
        const req = request(`${server.origin}/admin/delete?all=1`, {
          headers: { ...genuine.headers, host: `${genuine.headers.host}/v1/models#` } as Record<
            string,
            string
          >,
        });
        req.on('response', (res) => res.resume().on('end', resolve));
        req.on('error', reject);
        req.end();
      });
      const got = server.received[0];
      if (!got) throw new Error('no request received');
      expect(got.target).toBe('/admin/delete?all=1');
      expect(await verifySigV4Request(got, options)).toMatchObject(denied('INVALID_HOST'));
    } finally {
      await server.close();
    }
  });
});
