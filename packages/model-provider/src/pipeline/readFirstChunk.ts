import { ProviderRequestError } from '../errors.js';

/** The start of a streamed body: its first chunk (or its end), or why it failed before any byte. */
export type FirstChunk =
  | { kind: 'chunk'; value: Uint8Array; reader: ReadableStreamDefaultReader<Uint8Array> }
  | { kind: 'done'; reader: ReadableStreamDefaultReader<Uint8Array> }
  | { kind: 'failed'; error: unknown };

/**
 * Waits for the first chunk of a streamed body. A body that errors, or stays silent for longer than
 * `idleMs` (`STREAM_IDLE_TIMEOUT`), before delivering a single byte is reported as `failed` and its
 * source cancelled: nothing of it has reached the caller, so the request can safely be made again.
 */
export async function readFirstChunk(body: ReadableStream<Uint8Array>, idleMs?: number): Promise<FirstChunk> {
  const reader = body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    if (idleMs !== undefined) timer = setTimeout(() => resolve('expired'), idleMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === 'expired') {
        const error = new ProviderRequestError(
          'STREAM_IDLE_TIMEOUT',
          `the response stream sent nothing for ${idleMs} ms (stream_idle_timeout_ms)`,
        );
        reader.cancel(error).catch(() => {});
        return { kind: 'failed', error };
      }
      if (next.done) return { kind: 'done', reader };
      // An empty chunk delivers nothing yet: keep waiting for real bytes.
      if (next.value.byteLength > 0) return { kind: 'chunk', value: next.value, reader };
    }
  } catch (error) {
    reader.cancel(error).catch(() => {});
    return { kind: 'failed', error };
  } finally {
    clearTimeout(timer);
  }
}
