import type { HttpRequest } from '@x/auth-seam';
import type { AwsCredentials, AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import { toCheckedProvider } from '../credentials/checkCredentials.js';
import { AwsAuthError } from '../errors.js';
import { signingDateOf } from './amzDate.js';
import { cachedSigner } from './createSigner.js';
import { prepareHeaders } from './prepareHeaders.js';
import { parseRequestUrl } from './requestUrl.js';
import { sharedSha256 } from './sha256.js';

/**
 * How {@link signRequest} signs: scope, credentials, time and canonicalisation switches.
 * @public
 */
export interface SignRequestOptions {
  /** Signing region, e.g. `us-east-1`. */
  region: string;
  /** Signing service name, e.g. `bedrock` or `bedrock-mantle`. */
  service: string;
  /** Static credentials or a provider (a memoized one is reused across calls). */
  credentials: AwsCredentials | AwsCredentialsProvider;
  /** The time to sign with; defaults to now. */
  signingDate?: Date | undefined;
  /** Send and sign `x-amz-content-sha256` (default true). */
  contentSha256Header?: boolean | undefined;
  /** Remove `.`/`..` segments and duplicate slashes in the canonical path (default true; false for S3). */
  normalizePath?: boolean | undefined;
  /** Encode the wire path again in the canonical request (default true; false for S3). */
  uriEscapePath?: boolean | undefined;
  /**
   * `native` (the default where `node:crypto` exists) signs in one pass on `node:crypto`; `smithy`
   * signs with `@smithy/signature-v4` (the only engine elsewhere). Both give identical headers.
   */
  engine?: 'native' | 'smithy' | undefined;
}

const providerKeys = new WeakMap<object, AwsCredentialsProvider>();

function checkedProviderFor(credentials: AwsCredentials | AwsCredentialsProvider): AwsCredentialsProvider {
  if (typeof credentials !== 'function' && (typeof credentials !== 'object' || credentials === null)) {
    throw new AwsAuthError('INVALID_CREDENTIALS', 'options.credentials must be credentials or a provider');
  }
  let checked = providerKeys.get(credentials);
  if (!checked) {
    checked = toCheckedProvider(credentials, 'options.credentials');
    providerKeys.set(credentials, checked);
  }
  return checked;
}

function checkBody(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) {
    return body ?? undefined;
  }
  const kind = (body as object).constructor?.name ?? typeof body;
  throw new AwsAuthError(
    'UNSUPPORTED_BODY',
    `cannot sign a ${kind} body: pass the exact bytes to send as a string or Uint8Array`,
  );
}

/**
 * Signs the exact request with AWS SigV4 and returns a new request: same URL and body, lower-case
 * headers plus `host`, `x-amz-date`, `x-amz-content-sha256`, `authorization` and, with a session
 * token, `x-amz-security-token`. The input is not mutated. One signer is reused per
 * (credentials, region, service).
 * @public
 */
export async function signRequest(request: HttpRequest, options: SignRequestOptions): Promise<HttpRequest> {
  if (typeof request?.method !== 'string' || request.method === '') {
    throw new AwsAuthError('INVALID_REQUEST', 'request.method must be a non-empty string');
  }
  if (typeof options?.region !== 'string' || options.region === '') {
    throw new AwsAuthError('INVALID_OPTION', 'options.region must be a non-empty string');
  }
  if (typeof options.service !== 'string' || options.service === '') {
    throw new AwsAuthError('INVALID_OPTION', 'options.service must be a non-empty string');
  }
  const url = parseRequestUrl(request.url);
  const signingDate = signingDateOf(options.signingDate, 'options.signingDate');
  const body = checkBody(request.body);
  const { headers, unsignable } = prepareHeaders(request.headers, url.host);
  const provider = checkedProviderFor(options.credentials);
  const loaded = sharedSha256();
  // Resolved once per process; later calls skip the extra await.
  const sha = loaded instanceof Promise ? await loaded : loaded;
  const { credentials, region, service, engine } = options;
  const signer = cachedSigner(credentials, region, service, provider, sha, engine);
  const method = request.method.toUpperCase();
  const signedHeaders = await signer.sign(
    {
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query: url.search.slice(1),
      headers,
      body,
    },
    {
      signingDate,
      normalizePath: options.normalizePath ?? true,
      uriEscapePath: options.uriEscapePath ?? true,
      contentSha256Header: options.contentSha256Header ?? true,
      unsignableHeaders: unsignable,
    },
  );
  const signed: HttpRequest = { method, url: request.url, headers: signedHeaders };
  if (body !== undefined) signed.body = body;
  return signed;
}
