// SigV4 header signing done directly on node:crypto: one synchronous pass that builds the canonical
// request as a string, hashes it and signs it with a cached signing key. It produces exactly what
// @smithy/signature-v4 produces for the same parts (a test compares the two on generated requests, and
// both pass the AWS suite); it exists because smithy's many small async steps and byte copies cost
// more than the hashing itself on small requests.
import type { AwsCredentials, AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import { amzDates } from './amzDate.js';
import { canonicalHeaders } from './canonicalHeaders.js';
import { canonicalPath } from './canonicalPath.js';
import { canonicalQuery, parseQuery } from './canonicalQuery.js';
import { nodeSha256Hex } from './nodeSha256.js';
import type { NodeCryptoLike, SecretKey } from './sha256Impl.js';
import type { EngineSigner, SignParts, SignPartsOptions } from './signer.js';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_CACHED_PATHS = 256;

interface KeyCacheEntry {
  secret: string;
  scope: string;
  key: Uint8Array | SecretKey;
}

export function createNativeSigner(
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  crypto: NodeCryptoLike,
): EngineSigner {
  // The signing key depends on the secret and the day only: one entry covers every request of a day.
  let cached: KeyCacheEntry | undefined;
  const signingKey = (secret: string, shortDate: string): Uint8Array | SecretKey => {
    const scope = `${shortDate}/${region}/${service}/aws4_request`;
    if (cached?.secret === secret && cached.scope === scope) return cached.key;
    let key: Uint8Array = crypto.createHmac('sha256', `AWS4${secret}`).update(shortDate, 'utf8').digest();
    for (const part of [region, service, 'aws4_request']) {
      key = crypto.createHmac('sha256', key).update(part, 'utf8').digest();
    }
    cached = { secret, scope, key: crypto.createSecretKey?.(key) ?? key };
    return cached.key;
  };
  const sha256Hex = nodeSha256Hex(crypto);

  // Clients call the same few paths over and over: canonicalize each once. One map per combination
  // of the two switches, so a lookup is by the path string itself (no key to build and hash).
  const paths: Map<string, string>[] = [new Map(), new Map(), new Map(), new Map()];
  const canonicalPathOf = (path: string, normalize: boolean, encode: boolean): string => {
    const cache = paths[(normalize ? 2 : 0) + (encode ? 1 : 0)] as Map<string, string>;
    let canonical = cache.get(path);
    if (canonical === undefined) {
      canonical = canonicalPath(path, { normalize, escape: encode });
      if (cache.size >= MAX_CACHED_PATHS) cache.clear();
      cache.set(path, canonical);
    }
    return canonical;
  };

  return {
    sign(parts, options) {
      return credentials().then((creds: AwsCredentials) => signWith(creds, parts, options));
    },
  };

  function signWith(
    creds: AwsCredentials,
    parts: SignParts,
    options: SignPartsOptions,
  ): Record<string, string> {
    const { longDate, shortDate } = amzDates(options.signingDate);
    const headers: Record<string, string> = { ...parts.headers };
    // A caller's `date` is dropped as @smithy/signature-v4 drops it (tested only: `delete` would
    // turn every other request's header object into a slow dictionary).
    if (headers.date !== undefined) delete headers.date;
    headers['x-amz-date'] = longDate;
    if (creds.sessionToken) headers['x-amz-security-token'] = creds.sessionToken;
    const payloadHash = sha256Hex(parts.body ?? '');
    if (options.contentSha256Header) headers['x-amz-content-sha256'] = payloadHash;
    const canonical = canonicalHeaders(headers, options.unsignableHeaders);
    const path = canonicalPathOf(parts.path, options.normalizePath, options.uriEscapePath);
    const query = parts.query === '' ? '' : canonicalQuery(parseQuery(parts.query));
    const canonicalRequest = `${parts.method}\n${path}\n${query}\n${canonical.lines}\n\n${canonical.signed}\n${payloadHash}`;
    const scope = `${shortDate}/${region}/${service}/aws4_request`;
    const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    const signature = crypto
      .createHmac('sha256', signingKey(creds.secretAccessKey, shortDate))
      .update(stringToSign, 'utf8')
      .digest('hex');
    headers.authorization = `${ALGORITHM} Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${canonical.signed}, Signature=${signature}`;
    return headers;
  }
}
