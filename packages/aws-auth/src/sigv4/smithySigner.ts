// The portable SigV4 engine: @smithy/signature-v4 with whichever SHA-256 the runtime has. Used where
// node:crypto is missing (browsers, edge runtimes), for presigning, and as the reference the native
// engine is tested against. Loaded only by dynamic import, so Node signing never loads smithy.
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import { canonicalPath } from './canonicalPath.js';
import { parseQuery } from './canonicalQuery.js';
import type { Sha256Impl } from './sha256Impl.js';
import type { EngineSigner } from './signer.js';

type SmithyCredentials = ConstructorParameters<typeof SignatureV4>[0]['credentials'];

export function createSmithySignatureV4(
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  sha: Sha256Impl,
): SignatureV4 {
  return new SignatureV4({
    region,
    service,
    // Smithy's type spells the optional `sessionToken` without `| undefined`; it reads it with a truth test.
    credentials: credentials as SmithyCredentials,
    sha256: sha.ctor,
    // We hand over a ready canonical path and add x-amz-content-sha256 ourselves.
    uriEscapePath: false,
    applyChecksum: false,
  });
}

export function createSmithySigner(
  region: string,
  service: string,
  credentials: AwsCredentialsProvider,
  sha: Sha256Impl,
): EngineSigner {
  const smithy = createSmithySignatureV4(region, service, credentials, sha);
  return {
    async sign(parts, options) {
      const headers = { ...parts.headers };
      if (options.contentSha256Header) {
        // smithy takes this header as the payload hash when present, so the body is hashed once.
        headers['x-amz-content-sha256'] = await sha.hashHex(parts.body ?? '');
      }
      const signed = await smithy.sign(
        {
          method: parts.method,
          protocol: parts.protocol,
          hostname: parts.hostname,
          path: canonicalPath(parts.path, {
            normalize: options.normalizePath,
            escape: options.uriEscapePath,
          }),
          query: parseQuery(parts.query),
          headers,
          body: parts.body,
        },
        { signingDate: options.signingDate, unsignableHeaders: options.unsignableHeaders },
      );
      return signed.headers;
    },
  };
}
