import { ProviderRequestError } from '../errors.js';

/**
 * Returns the response with its body passed through unchanged, except that a gap of more than
 * `idleMs` between chunks errors the stream with `STREAM_IDLE_TIMEOUT` (and cancels the source).
 */
export function withIdleTimeout(response: Response, idleMs: number): Response {
  const source = response.body;
  if (!source) return response;
  return new Response(idleTimeoutStream(source.getReader(), idleMs), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * The rest of a body whose reader is already open: `head` (a chunk read ahead, if any) first, then
 * every chunk of `reader` as it comes. Without `idleMs` nothing times out.
 */
export function idleTimeoutStream(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  idleMs: number | undefined,
  head?: Uint8Array,
): ReadableStream<Uint8Array> {
  let timer: NodeJS.Timeout | undefined;
  let pendingHead = head;
  // Set once the consumer cancels: a read still pending then resolves, and the controller is closed.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pendingHead !== undefined) {
        controller.enqueue(pendingHead);
        pendingHead = undefined;
        return;
      }
      return new Promise<void>((resolve) => {
        let settled = false;
        if (idleMs !== undefined) {
          timer = setTimeout(() => {
            settled = true;
            const error = new ProviderRequestError(
              'STREAM_IDLE_TIMEOUT',
              `the response stream sent nothing for ${idleMs} ms (stream_idle_timeout_ms)`,
            );
            controller.error(error);
            reader.cancel(error).catch(() => {});
            resolve();
          }, idleMs);
        }
        reader.read().then(
          ({ done, value }) => {
            if (settled || cancelled) return resolve();
            clearTimeout(timer);
            if (done) controller.close();
            else controller.enqueue(value);
            resolve();
          },
          (error: unknown) => {
            if (settled || cancelled) return resolve();
            clearTimeout(timer);
            controller.error(error);
            resolve();
          },
        );
      });
    },
    cancel(reason) {
      cancelled = true;
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
}
