import { describe, expect, it } from 'vitest';
import { canonicalPath } from './canonicalPath.js';
import { parseQuery } from './canonicalQuery.js';
import { cachedSigner } from './createSigner.js';
import { nodeSha256 } from './nodeSha256.js';
import { loadSha256 } from './sha256.js';

describe('signer reuse and hashing', () => {
  it('reuses one signer per (credentials, engine, region, service)', async () => {
    const sha = await loadSha256();
    const provider = async () => ({ accessKeyId: 'A', secretAccessKey: 'S' });
    const a = cachedSigner(provider, 'us-east-1', 'bedrock', provider, sha, 'native');
    expect(cachedSigner(provider, 'us-east-1', 'bedrock', provider, sha, 'native')).toBe(a);
    expect(cachedSigner(provider, 'us-east-1', 'bedrock-mantle', provider, sha, 'native')).not.toBe(a);
    expect(cachedSigner(provider, 'us-west-2', 'bedrock', provider, sha, 'native')).not.toBe(a);
    const smithy = cachedSigner(provider, 'us-east-1', 'bedrock', provider, sha, 'smithy');
    expect(smithy.engine).toBe('smithy');
    expect(smithy).not.toBe(a);
  });

  it('uses node:crypto in Node and falls back to @aws-crypto/sha256-js without it', async () => {
    const native = await loadSha256();
    expect(native.native).toBe(true);
    const fallback = await loadSha256(null);
    expect(fallback.native).toBe(false);
    const text = 'héllo wörld';
    expect(await fallback.hashHex(text)).toBe(await native.hashHex(text));
    expect(await fallback.hashHex(new Uint8Array([1, 2, 3]))).toBe(
      await native.hashHex(new Uint8Array([1, 2, 3])),
    );
  });

  it('hashes strings natively without a TextEncoder copy (update receives the string)', async () => {
    const seen: unknown[] = [];
    const fake = {
      createHash: () => {
        const h = {
          update: (d: unknown) => {
            seen.push(d);
            return h;
          },
          digest: () => new Uint8Array(32),
        };
        return h;
      },
      createHmac: () => {
        throw new Error('unused');
      },
    };
    await nodeSha256(fake as never).hashHex('body text');
    expect(seen).toEqual(['body text']);
  });

  it('canonicalizes paths and queries', () => {
    expect(canonicalPath('/a//b/./c/../d/', { normalize: true, escape: true })).toBe('/a/b/d/');
    expect(canonicalPath('/a//b/', { normalize: false, escape: true })).toBe('/a//b/');
    expect(canonicalPath('/m/a%3Ab', { normalize: true, escape: true })).toBe('/m/a%253Ab');
    expect(canonicalPath('/m/a%3Ab', { normalize: true, escape: false })).toBe('/m/a%3Ab');
    expect(canonicalPath('', { normalize: true, escape: true })).toBe('/');
    expect(parseQuery('a=1&a=2&b&c=x%20y&d=%zz&e=1+2')).toEqual({
      a: ['1', '2'],
      b: '',
      c: 'x y',
      d: '%zz',
      e: '1+2',
    });
  });
});
