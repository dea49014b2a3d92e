import type { IncomingMessage } from 'node:http';

/** Largest request body the demo server reads, and largest it inflates one to (4 MiB); more is a 413. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A body, as received or once decompressed, over {@link MAX_BODY_BYTES}. */
export class BodyTooLargeError extends Error {
  constructor(readonly decompressed: boolean) {
    super(`${decompressed ? 'decompressed ' : ''}request body is larger than ${MAX_BODY_BYTES} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the raw body, stopping (and rejecting with {@link BodyTooLargeError}) past the limit. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLargeError(false));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
