import { describe, expect, it } from 'vitest';
import { AwsAuthError } from '../errors.js';
import { parseRequestUrl } from './requestUrl.js';

describe('parseRequestUrl', () => {
  it('parses once per URL string and gives the parts signing reads', () => {
    const url = 'https://bedrock-mantle.us-east-1.api.aws:8443/openai/v1/responses?a=1';
    const parts = parseRequestUrl(url);
    expect(parts).toEqual({
      origin: 'https://bedrock-mantle.us-east-1.api.aws:8443',
      protocol: 'https:',
      host: 'bedrock-mantle.us-east-1.api.aws:8443',
      hostname: 'bedrock-mantle.us-east-1.api.aws',
      pathname: '/openai/v1/responses',
      search: '?a=1',
    });
    expect(parseRequestUrl(url)).toBe(parts);
  });

  it('stays bounded: after 256 other URLs the first is parsed again', () => {
    const first = parseRequestUrl('https://example.com/first');
    for (let i = 0; i < 256; i++) parseRequestUrl(`https://example.com/${i}`);
    const again = parseRequestUrl('https://example.com/first');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('rejects a relative or non-string URL with INVALID_REQUEST and without quoting it', () => {
    for (const bad of ['/relative?key=secret', undefined, 42]) {
      let error: unknown;
      try {
        parseRequestUrl(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AwsAuthError);
      expect((error as AwsAuthError).code).toBe('INVALID_REQUEST');
      expect((error as AwsAuthError).message).not.toContain('secret');
    }
  });
});
