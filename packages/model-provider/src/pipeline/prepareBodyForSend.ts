import { gzipSync } from 'node:zlib';
import type { HttpRequest } from '@x/auth-seam';
import { lowerCaseHeaders } from './lowerCaseHeaders.js';

/**
 * Options of {@link prepareBodyForSend}.
 * @public
 */
export interface PrepareBodyOptions {
  /** Compress bodies of at least `minBytes` with gzip and set `content-encoding`. Default: none. */
  compression?: 'gzip' | 'none' | undefined;
  /** Smallest body worth compressing, in bytes. Default 1024. */
  minBytes?: number | undefined;
}

const encoder = new TextEncoder();

/**
 * Turns a request whose body may be a plain object into the exact bytes that will be sent: JSON is
 * serialized once (and `content-type` set when absent), then optionally gzipped. Everything after this
 * step (signing, retries) reuses these bytes unchanged.
 * @public
 */
export function prepareBodyForSend(
  request: Omit<HttpRequest, 'body'> & { body?: unknown },
  options: PrepareBodyOptions = {},
): HttpRequest {
  return encodeBody({ ...request, headers: lowerCaseHeaders(request.headers) }, options);
}

/**
 * {@link prepareBodyForSend} for a request whose header names are lower-case already; the request's
 * header object becomes the result's (the pipeline's own, made for this request alone).
 */
export function encodeBody(
  request: Omit<HttpRequest, 'body'> & { body?: unknown },
  options: PrepareBodyOptions,
): HttpRequest {
  const { body, headers } = request;
  let bytes: string | Uint8Array | undefined;
  if (body === undefined || body === null) bytes = undefined;
  else if (typeof body === 'string' || body instanceof Uint8Array) bytes = body;
  else {
    bytes = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  if (bytes !== undefined && options.compression === 'gzip' && !headers['content-encoding']) {
    const raw = typeof bytes === 'string' ? encoder.encode(bytes) : bytes;
    if (raw.byteLength >= (options.minBytes ?? 1024)) {
      bytes = gzipSync(raw);
      headers['content-encoding'] = 'gzip';
    }
  }
  const prepared: HttpRequest = { method: request.method.toUpperCase(), url: request.url, headers };
  if (bytes !== undefined) prepared.body = bytes;
  return prepared;
}
