import { describe, expect, it } from 'vitest';
import { prepareBodyForSend } from './prepareBodyForSend.js';

describe('prepareBodyForSend', () => {
  it('serializes an object body once, sets content-type when absent, and upper-cases the method', () => {
    const prepared = prepareBodyForSend({
      method: 'post',
      url: 'http://127.0.0.1:1/v1/responses',
      headers: { 'X-Team': 'a' },
      body: { input: 'hi' },
    });
    expect(prepared).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:1/v1/responses',
      headers: { 'x-team': 'a', 'content-type': 'application/json' },
      body: '{"input":"hi"}',
    });
  });

  it('keeps a caller content-type and leaves string bodies as they are', () => {
    const prepared = prepareBodyForSend({
      method: 'POST',
      url: 'http://127.0.0.1:1/v1/x',
      headers: { 'Content-Type': 'application/vnd.custom+json' },
      body: { a: 1 },
    });
    expect(prepared.headers['content-type']).toBe('application/vnd.custom+json');
    const text = prepareBodyForSend({ method: 'POST', url: 'http://h/x', headers: {}, body: 'raw' });
    expect(text.body).toBe('raw');
    expect(text.headers['content-type']).toBeUndefined();
  });
});
