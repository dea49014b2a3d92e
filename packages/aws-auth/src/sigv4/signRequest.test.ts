import type { HttpRequest } from '@x/auth-seam';
import { rejectionOf } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { parseAmzDate, verifySigV4 } from '../__testing__/verifySigV4.js';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { AwsAuthError } from '../errors.js';
import { signRequest } from './signRequest.js';

const creds: AwsCredentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret-key' };
const base = { region: 'us-west-2', service: 'bedrock', credentials: creds };
const date = new Date('2026-01-02T03:04:05Z');

/** Checks a signed request with the independent verifier, exactly as a server would receive it. */
function verify(signed: HttpRequest, secret = creds.secretAccessKey) {
  const url = new URL(signed.url);
  const body =
    signed.body === undefined
      ? new Uint8Array()
      : typeof signed.body === 'string'
        ? new TextEncoder().encode(signed.body)
        : signed.body;
  return verifySigV4(
    { method: signed.method, target: `${url.pathname}${url.search}`, headers: signed.headers, body },
    () => secret,
  );
}

async function rejects(promise: Promise<unknown>, code: string): Promise<AwsAuthError> {
  const error = await rejectionOf(promise, AwsAuthError);
  expect(error.code).toBe(code);
  return error;
}

describe('signRequest', () => {
  it('returns a new request with lower-case signing headers and leaves the input untouched', async () => {
    const body = '{"model":"m"}';
    const input: HttpRequest = {
      method: 'post',
      url: 'https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1/chat/completions',
      headers: { 'Content-Type': 'application/json' },
      body,
    };
    const snapshot = structuredClone(input);
    const signed = await signRequest(input, { ...base, signingDate: date });
    expect(input).toEqual(snapshot);
    expect(signed).not.toBe(input);
    expect(signed.method).toBe('POST');
    expect(signed.url).toBe(input.url);
    expect(signed.body).toBe(body);
    expect(Object.keys(signed.headers).sort()).toEqual(
      ['authorization', 'content-type', 'host', 'x-amz-content-sha256', 'x-amz-date'].sort(),
    );
    expect(signed.headers.host).toBe('bedrock-runtime.us-west-2.amazonaws.com');
    expect(signed.headers['x-amz-date']).toBe('20260102T030405Z');
    expect(verify(signed)).toMatchObject({ ok: true, region: 'us-west-2', service: 'bedrock' });
    expect(verify(signed, 'other-secret').ok).toBe(false);
  });

  it('signs bytes without copying them and a session token as x-amz-security-token', async () => {
    const body = new Uint8Array([0, 1, 2, 250, 251]);
    const signed = await signRequest(
      { method: 'PUT', url: 'https://example.amazonaws.com/x', headers: {}, body },
      { ...base, credentials: { ...creds, sessionToken: 'session-token-value' } },
    );
    expect(signed.body).toBe(body);
    expect(signed.headers['x-amz-security-token']).toBe('session-token-value');
    const result = verify(signed);
    expect(result.ok).toBe(true);
    expect(result.signedHeaders).toContain('x-amz-security-token');
    expect(Math.abs(parseAmzDate(signed.headers['x-amz-date'] ?? '') - Date.now())).toBeLessThan(60_000);
  });

  it('hashes only the view of a subarray body (non-zero byteOffset), with and without the hash header', async () => {
    const backing = new Uint8Array([9, 9, 9, 1, 2, 3, 4, 9, 9]);
    const body = backing.subarray(3, 7);
    expect(body.byteOffset).toBe(3);
    const req: HttpRequest = { method: 'POST', url: 'https://example.amazonaws.com/x', headers: {}, body };
    const withHeader = await signRequest(req, { ...base, signingDate: date });
    expect(withHeader.body).toBe(body);
    expect(verify({ ...withHeader, body: new Uint8Array([1, 2, 3, 4]) }).ok).toBe(true);
    const withoutHeader = await signRequest(req, { ...base, signingDate: date, contentSha256Header: false });
    expect(withoutHeader.headers['x-amz-content-sha256']).toBeUndefined();
    expect(verify({ ...withoutHeader, body: new Uint8Array([1, 2, 3, 4]) }).ok).toBe(true);
    // An empty body and no body are the same payload.
    const empty = await signRequest({ ...req, body: '' }, { ...base, signingDate: date });
    const missing = await signRequest(
      { method: 'POST', url: req.url, headers: {} },
      { ...base, signingDate: date },
    );
    expect(empty.headers.authorization).toBe(missing.headers.authorization);
    expect(empty.body).toBe('');
    expect('body' in missing).toBe(false);
  });

  it('includes a non-default port in host and keeps the default one out', async () => {
    const withPort = await signRequest({ method: 'GET', url: 'http://127.0.0.1:8123/a', headers: {} }, base);
    expect(withPort.headers.host).toBe('127.0.0.1:8123');
    const defaultPort = await signRequest(
      { method: 'GET', url: 'https://h.example:443/a', headers: {} },
      base,
    );
    expect(defaultPort.headers.host).toBe('h.example');
  });

  it('keeps repeated query keys and double-encodes the path', async () => {
    const signed = await signRequest(
      {
        method: 'GET',
        url: 'https://bedrock-runtime.us-west-2.amazonaws.com/model/us.anthropic.claude%3Av1/invoke?b=2&a=1&b=1&flag',
        headers: {},
      },
      { ...base, signingDate: date },
    );
    const result = verify(signed);
    expect(result.ok).toBe(true);
    const lines = result.canonicalRequest?.split('\n') ?? [];
    expect(lines[1]).toBe('/model/us.anthropic.claude%253Av1/invoke');
    expect(lines[2]).toBe('a=1&b=1&b=2&flag=');
  });

  it('never signs hop-by-hop headers, including those named by Connection', async () => {
    const signed = await signRequest(
      {
        method: 'GET',
        url: 'https://example.amazonaws.com/',
        headers: {
          Connection: 'keep-alive, X-Hop',
          'Keep-Alive': 'timeout=5',
          'X-Hop': '1',
          'Transfer-Encoding': 'chunked',
          Upgrade: 'h2c',
          'Proxy-Authorization': 'Basic abc',
          TE: 'trailers',
          'X-Kept': 'yes',
        },
      },
      base,
    );
    const result = verify(signed);
    expect(result.ok).toBe(true);
    expect(result.signedHeaders).toEqual(['host', 'x-amz-content-sha256', 'x-amz-date', 'x-kept']);
    expect(signed.headers['x-hop']).toBe('1');
  });

  it('sends but never signs headers rewritten in flight, and drops a caller date', async () => {
    const signed = await signRequest(
      {
        method: 'POST',
        url: 'https://example.amazonaws.com/',
        headers: {
          'User-Agent': 'my-app/1.0',
          'Cache-Control': 'no-cache',
          'X-Amzn-Trace-Id': 'Root=1-abc',
          'Sec-Fetch-Mode': 'cors',
          Date: 'Mon, 02 Jan 2026 03:04:05 GMT',
          'Content-Type': '  application/json   ; charset=utf-8 ',
        },
        body: '{}',
      },
      { ...base, signingDate: date },
    );
    const result = verify(signed);
    expect(result.ok).toBe(true);
    expect(result.signedHeaders).toEqual(['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date']);
    expect(signed.headers['user-agent']).toBe('my-app/1.0');
    expect(signed.headers['sec-fetch-mode']).toBe('cors');
    expect(signed.headers.date).toBeUndefined();
    // The value is sent as given and signed with its spaces trimmed and collapsed.
    expect(signed.headers['content-type']).toBe('  application/json   ; charset=utf-8 ');
  });
  it('drops caller x-amz-date, x-amz-security-token and x-amz-content-sha256', async () => {
    const signed = await signRequest(
      {
        method: 'POST',
        url: 'https://example.amazonaws.com/',
        headers: {
          'X-Amz-Date': '19990101T000000Z',
          'X-Amz-Security-Token': 'stale-token',
          'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
        },
        body: 'abc',
      },
      { ...base, signingDate: date },
    );
    expect(signed.headers['x-amz-date']).toBe('20260102T030405Z');
    expect(signed.headers['x-amz-security-token']).toBeUndefined();
    expect(signed.headers['x-amz-content-sha256']).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(verify(signed).ok).toBe(true);
  });

  it('rejects a caller Authorization header, a stream or FormData body, and bad input', async () => {
    const url = 'https://example.amazonaws.com/';
    await rejects(
      signRequest({ method: 'GET', url, headers: { Authorization: 'Bearer x' } }, base),
      'AUTHORIZATION_HEADER_PRESENT',
    );
    const stream = new ReadableStream();
    await rejects(
      signRequest({ method: 'POST', url, headers: {}, body: stream as never }, base),
      'UNSUPPORTED_BODY',
    );
    await rejects(
      signRequest({ method: 'POST', url, headers: {}, body: new FormData() as never }, base),
      'UNSUPPORTED_BODY',
    );
    await rejects(
      signRequest({ method: 'POST', url, headers: {}, body: new Blob(['x']) as never }, base),
      'UNSUPPORTED_BODY',
    );
    await rejects(signRequest({ method: 'GET', url: '/relative', headers: {} }, base), 'INVALID_REQUEST');
    await rejects(signRequest({ method: 'GET', url, headers: { 'bad name': 'x' } }, base), 'INVALID_HEADER');
    await rejects(
      signRequest({ method: 'GET', url, headers: {} }, { ...base, region: '' }),
      'INVALID_OPTION',
    );
    await rejects(
      signRequest(
        { method: 'GET', url, headers: {} },
        { ...base, credentials: { accessKeyId: 'A' } as never },
      ),
      'INVALID_CREDENTIALS',
    );
  });

  it('checks a static credentials object on every call, so a failure is not remembered for it', async () => {
    const req: HttpRequest = { method: 'GET', url: 'https://example.amazonaws.com/', headers: {} };
    const mutable = { accessKeyId: 'AKIDMUT' } as AwsCredentials;
    await rejects(signRequest(req, { ...base, credentials: mutable }), 'INVALID_CREDENTIALS');
    mutable.secretAccessKey = 'now-set';
    const signed = await signRequest(req, { ...base, credentials: mutable });
    expect(verify(signed, 'now-set').ok).toBe(true);
    mutable.secretAccessKey = '';
    await rejects(signRequest(req, { ...base, credentials: mutable }), 'INVALID_CREDENTIALS');
  });

  it('signs identically with the smithy engine, on request, and rejects an unknown engine', async () => {
    const request: HttpRequest = {
      method: 'POST',
      url: 'https://bedrock-mantle.us-east-1.api.aws/openai/v1/responses?b=2&a=1',
      headers: { 'Content-Type': 'application/json', 'X-Custom': '  a   b ' },
      body: '{"model":"m"}',
    };
    const native = await signRequest(request, { ...base, signingDate: date });
    const smithy = await signRequest(request, { ...base, signingDate: date, engine: 'smithy' });
    expect(smithy).toEqual(native);
    expect(verify(smithy).ok).toBe(true);
    await rejects(signRequest(request, { ...base, engine: 'fast' as never }), 'INVALID_OPTION');
  });

  it('rejects an invalid signingDate with a code instead of a bare RangeError', async () => {
    const req: HttpRequest = { method: 'GET', url: 'https://example.amazonaws.com/', headers: {} };
    const error = await rejects(
      signRequest(req, { ...base, signingDate: new Date('not a date') }),
      'INVALID_OPTION',
    );
    expect(error.message).toContain('signingDate');
  });

  it('calls a provider on each signing and wraps its failure without its message', async () => {
    let calls = 0;
    const provider = async (): Promise<AwsCredentials> => {
      calls += 1;
      return creds;
    };
    const req: HttpRequest = { method: 'GET', url: 'https://example.amazonaws.com/', headers: {} };
    await signRequest(req, { ...base, credentials: provider });
    await signRequest(req, { ...base, credentials: provider });
    expect(calls).toBe(2);
    const failing = async (): Promise<AwsCredentials> => {
      throw new Error('boom from provider');
    };
    const error = await rejects(
      signRequest(req, { ...base, credentials: failing }),
      'CREDENTIALS_PROVIDER_FAILED',
    );
    expect(error.message).not.toContain('boom');
    expect((error.cause as Error).message).toBe('boom from provider');
  });
});
