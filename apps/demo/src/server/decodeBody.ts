import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { BodyTooLargeError, MAX_BODY_BYTES } from './readBody.js';

type Inflate = (body: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;

/** zstd decompression exists in newer Node versions only (22.15+); accepted where it exists. */
const zstdDecompress = (zlib as { zstdDecompress?: (...args: never[]) => void }).zstdDecompress;

/** The content codings the server accepts, each decoded on the zlib thread pool, not the event loop. */
const DECODERS: Record<string, Inflate> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
  ...(zstdDecompress ? { zstd: promisify(zstdDecompress) as unknown as Inflate } : {}),
};

/** A `content-encoding` the server does not decode (answered 415). */
export class UnsupportedEncodingError extends Error {
  constructor() {
    super(`this content-encoding is not supported; use one of ${Object.keys(DECODERS).join(', ')}`);
    this.name = 'UnsupportedEncodingError';
  }
}

/**
 * The body as JSON bytes: decoded per `content-encoding`, with the output capped at
 * {@link MAX_BODY_BYTES} so a small compressed body cannot inflate into gigabytes. Inflating past the
 * cap rejects with {@link BodyTooLargeError}; corrupt data rejects with zlib's error.
 */
export async function decodeBody(body: Buffer, contentEncoding: string | undefined): Promise<Buffer> {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return body;
  const decode = DECODERS[encoding];
  if (!decode) throw new UnsupportedEncodingError();
  try {
    return await decode(body, { maxOutputLength: MAX_BODY_BYTES });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new BodyTooLargeError(true);
    throw error;
  }
}
