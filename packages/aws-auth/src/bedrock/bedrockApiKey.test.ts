import { describe, expect, it } from 'vitest';
import { verifySigV4 } from '../__testing__/verifySigV4.js';
import { AwsAuthError } from '../errors.js';
import { createBedrockApiKey } from './bedrockApiKey.js';
import { regionFromBedrockApiKey } from './bedrockApiKeyRegion.js';

const credentials = {
  accessKeyId: 'AKIDKEYGEN',
  secretAccessKey: 'keygen-secret',
  sessionToken: 'keygen-token',
};
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

function codeOf(key: string): string {
  try {
    regionFromBedrockApiKey(key);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsAuthError);
    expect((error as AwsAuthError).message).not.toContain(key.slice(16) || '\u0000');
    return (error as AwsAuthError).code;
  }
  return 'none';
}

describe('createBedrockApiKey', () => {
  it('makes a presigned CallWithBearerToken URL key whose region reads back', async () => {
    const signingDate = new Date('2026-03-04T05:06:07Z');
    const key = await createBedrockApiKey({ credentials, region: 'us-west-2', signingDate });
    expect(key.startsWith('bedrock-api-key-')).toBe(true);
    const decoded = Buffer.from(key.slice('bedrock-api-key-'.length), 'base64').toString('utf8');
    expect(decoded.startsWith('bedrock.amazonaws.com/?')).toBe(true);
    expect(decoded.endsWith('&Version=1')).toBe(true);
    const url = new URL(`https://${decoded}`);
    expect(url.searchParams.get('Action')).toBe('CallWithBearerToken');
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Credential')).toBe(
      'AKIDKEYGEN/20260304/us-west-2/bedrock/aws4_request',
    );
    expect(url.searchParams.get('X-Amz-Date')).toBe('20260304T050607Z');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('43200');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('keygen-token');
    expect(regionFromBedrockApiKey(key)).toBe('us-west-2');
    expect(regionFromBedrockApiKey(`  ${key}\n`)).toBe('us-west-2');
  });

  it('signs the presigned URL correctly (checked by an independent verifier)', async () => {
    const key = await createBedrockApiKey({ credentials, region: 'eu-west-1', expiresInSeconds: 900 });
    const decoded = Buffer.from(key.slice('bedrock-api-key-'.length), 'base64').toString('utf8');
    const url = new URL(`https://${decoded.replace(/&Version=1$/, '')}`);
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    const credential = url.searchParams.get('X-Amz-Credential') ?? '';
    url.searchParams.delete('X-Amz-Signature');
    // Re-express the query signature as a header-style check over the same canonical request.
    const result = verifySigV4(
      {
        method: 'POST',
        target: `/${url.search}`,
        headers: {
          host: 'bedrock.amazonaws.com',
          'x-amz-date': url.searchParams.get('X-Amz-Date') ?? '',
          authorization: `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host, Signature=${signature}`,
        },
        body: new Uint8Array(),
      },
      () => credentials.secretAccessKey,
    );
    expect(result.ok).toBe(true);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
  });

  it('validates expiry and region', async () => {
    for (const expiresInSeconds of [0, 43201, 1.5]) {
      await expect(
        createBedrockApiKey({ credentials, region: 'us-east-1', expiresInSeconds }),
      ).rejects.toMatchObject({
        code: 'INVALID_EXPIRY',
      });
    }
    await expect(createBedrockApiKey({ credentials, region: 'nowhere' })).rejects.toMatchObject({
      code: 'REGION_INVALID',
    });
    await expect(
      createBedrockApiKey({ credentials, region: 'us-east-1', signingDate: new Date(Number.NaN) }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });
});

describe('regionFromBedrockApiKey', () => {
  it('has a typed error for each malformation', () => {
    const cred = 'X-Amz-Credential=AKID%2F20260101%2Fap-south-1%2Fbedrock%2Faws4_request';
    expect(
      regionFromBedrockApiKey(`bedrock-api-key-${b64(`bedrock.amazonaws.com/?${cred}`)}&Version=1`),
    ).toBe('ap-south-1');
    expect(codeOf('sk-not-bedrock')).toBe('API_KEY_PREFIX_MISSING');
    expect(codeOf('bedrock-api-key-@@@not*base64')).toBe('API_KEY_NOT_BASE64');
    expect(codeOf('bedrock-api-key-')).toBe('API_KEY_NOT_BASE64');
    expect(codeOf(`bedrock-api-key-${Buffer.from([0xff, 0xfe, 0xfd]).toString('base64')}`)).toBe(
      'API_KEY_NOT_UTF8',
    );
    expect(codeOf(`bedrock-api-key-${b64('not a url at all')}`)).toBe('API_KEY_NOT_URL');
    expect(codeOf(`bedrock-api-key-${b64('bedrock.amazonaws.com/?Action=x')}`)).toBe(
      'API_KEY_CREDENTIAL_MISSING',
    );
    expect(codeOf(`bedrock-api-key-${b64('bedrock.amazonaws.com/?X-Amz-Credential=AKID%2F2026')}`)).toBe(
      'API_KEY_REGION_MISSING',
    );
    // A region that would steer the endpoint host elsewhere.
    for (const region of ['evil.example.com%23', 'US-EAST-1', 'us-east-1.evil.com']) {
      expect(
        codeOf(
          `bedrock-api-key-${b64(`bedrock.amazonaws.com/?X-Amz-Credential=AKID%2F20260101%2F${region}%2Fbedrock%2Faws4_request`)}`,
        ),
      ).toBe('API_KEY_REGION_INVALID');
    }
  });
});
