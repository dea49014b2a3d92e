import { AwsAuthError, type AwsAuthErrorCode } from '../errors.js';
import { REGION_PATTERN } from '../region.js';

const PREFIX = 'bedrock-api-key-';

function fail(code: AwsAuthErrorCode, what: string): never {
  throw new AwsAuthError(code, `not a short-term Bedrock API key: ${what}`);
}

/**
 * Reads the region back from a short-term Bedrock API key (the third part of its
 * `X-Amz-Credential`). Each way a key can be malformed has its own code: API_KEY_PREFIX_MISSING,
 * API_KEY_NOT_BASE64, API_KEY_NOT_UTF8, API_KEY_NOT_URL, API_KEY_CREDENTIAL_MISSING,
 * API_KEY_REGION_MISSING, API_KEY_REGION_INVALID. Messages never include the key.
 * @public
 */
export function regionFromBedrockApiKey(key: string): string {
  const trimmed = typeof key === 'string' ? key.trim() : '';
  if (!trimmed.startsWith(PREFIX)) fail('API_KEY_PREFIX_MISSING', `it does not start with "${PREFIX}"`);
  let encoded = trimmed.slice(PREFIX.length);
  // Some tools append the version outside the base64 payload.
  const version = encoded.indexOf('&Version=');
  if (version !== -1) encoded = encoded.slice(0, version);
  if (encoded === '' || encoded.length % 4 === 1 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    fail('API_KEY_NOT_BASE64', 'its payload is not base64');
  }
  let binary: string;
  try {
    binary = atob(encoded);
  } catch {
    fail('API_KEY_NOT_BASE64', 'its payload is not base64');
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    fail('API_KEY_NOT_UTF8', 'its payload is not UTF-8 text');
  }
  let url: URL;
  try {
    url = new URL(/^https?:\/\//.test(decoded) ? decoded : `https://${decoded}`);
  } catch {
    fail('API_KEY_NOT_URL', 'its payload is not a URL');
  }
  const credential = url.searchParams.get('X-Amz-Credential');
  if (!credential) fail('API_KEY_CREDENTIAL_MISSING', 'its URL has no X-Amz-Credential');
  const region = credential.split('/')[2]?.trim();
  if (!region) fail('API_KEY_REGION_MISSING', 'its credential scope has no region');
  // The region picks the endpoint host, so nothing but a region name may come out of a key.
  if (!REGION_PATTERN.test(region))
    fail('API_KEY_REGION_INVALID', 'its credential scope has no valid region name');
  return region;
}
