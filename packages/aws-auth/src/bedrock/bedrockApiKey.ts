import type { AwsCredentials, AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import { toCheckedProvider } from '../credentials/checkCredentials.js';
import { AwsAuthError } from '../errors.js';
import { importOptionalPeer } from '../optionalPeer.js';
import { validateRegion } from '../region.js';
import { signingDateOf } from '../sigv4/amzDate.js';
import { escapeUri } from '../sigv4/escapeUri.js';
import { sharedSha256 } from '../sigv4/sha256.js';

const PREFIX = 'bedrock-api-key-';
const HOST = 'bedrock.amazonaws.com';
const MAX_EXPIRY = 12 * 60 * 60;

/**
 * The AWS credentials and region a short-term Bedrock API key is made from, and its lifetime.
 * @public
 */
export interface CreateBedrockApiKeyOptions {
  /** The keys that sign the key, or a provider of them; a key made from temporary ones ends when they do. */
  credentials: AwsCredentials | AwsCredentialsProvider;
  /** The region the key works in; it is written into the key (`regionFromBedrockApiKey` reads it back). */
  region: string;
  /** Lifetime, 1 to 43200 seconds (12 hours, the default and Bedrock's maximum). */
  expiresInSeconds?: number | undefined;
  /** The time to sign with; defaults to now. */
  signingDate?: Date | undefined;
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Makes a short-term Bedrock API key: `bedrock-api-key-` + base64 of the SigV4-presigned URL of
 * `POST https://bedrock.amazonaws.com/?Action=CallWithBearerToken` (service `bedrock`) without its
 * scheme and with `&Version=1` appended, the format of AWS's own token generators.
 * @public
 */
export async function createBedrockApiKey(options: CreateBedrockApiKeyOptions): Promise<string> {
  const region = validateRegion(options.region, 'options.region');
  const expiresIn = options.expiresInSeconds ?? MAX_EXPIRY;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRY) {
    throw new AwsAuthError(
      'INVALID_EXPIRY',
      `expiresInSeconds must be a whole number from 1 to ${MAX_EXPIRY}`,
    );
  }
  const signingDate = signingDateOf(options.signingDate, 'options.signingDate');
  const credentials = toCheckedProvider(options.credentials, 'options.credentials');
  const { createSmithySignatureV4 } = await importOptionalPeer(
    '@smithy/signature-v4',
    () => import('../sigv4/smithySigner.js'),
  );
  const signer = createSmithySignatureV4(region, 'bedrock', credentials, await sharedSha256());
  const presigned = await signer.presign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: HOST,
      path: '/',
      query: { Action: 'CallWithBearerToken' },
      headers: { host: HOST },
    },
    { expiresIn, signingDate },
  );
  const query = Object.entries(presigned.query ?? {})
    .map(([key, value]) => `${escapeUri(key)}=${escapeUri(String(value))}`)
    .join('&');
  return `${PREFIX}${toBase64(`${HOST}/?${query}&Version=1`)}`;
}
