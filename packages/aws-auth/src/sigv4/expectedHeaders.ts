import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { createSigner } from './createSigner.js';
import { prepareHeaders } from './prepareHeaders.js';
import { sharedSha256 } from './sha256.js';

/** A received request reduced to what its signature covers, each part exactly as received. */
export interface ReceivedParts {
  method: string;
  /** The Host header, already checked to be a plain `host[:port]`. */
  host: string;
  /** Path and raw query of the request target. */
  path: string;
  query: string;
  /** The signed headers other than the ones the signer derives itself, lower-case names. */
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export interface ExpectedScope {
  region: string;
  service: string;
  signingDate: Date;
  credentials: Pick<AwsCredentials, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>;
}

/**
 * The headers our signer writes for these parts (`authorization`, `x-amz-content-sha256`, ...). Unlike `signRequest`, nothing passes
 * through a URL parser: the method, path and query are signed as received and `host` is the received
 * Host value, so the verdict is about the request the server actually got. Throws AwsAuthError for
 * parts the signer cannot canonicalize.
 */
export async function expectedHeaders(
  parts: ReceivedParts,
  scope: ExpectedScope,
): Promise<Record<string, string>> {
  const { headers, unsignable } = prepareHeaders(parts.headers, parts.host);
  const loaded = sharedSha256();
  const sha = loaded instanceof Promise ? await loaded : loaded;
  const { accessKeyId, secretAccessKey, sessionToken } = scope.credentials;
  const credentials: AwsCredentials = { accessKeyId, secretAccessKey, sessionToken };
  const signer = createSigner(scope.region, scope.service, () => Promise.resolve(credentials), sha);
  return signer.sign(
    {
      method: parts.method,
      protocol: 'https:',
      hostname: parts.host,
      path: parts.path,
      query: parts.query,
      headers,
      body: parts.body,
    },
    {
      signingDate: scope.signingDate,
      normalizePath: true,
      uriEscapePath: true,
      contentSha256Header: true,
      unsignableHeaders: unsignable,
    },
  );
}
