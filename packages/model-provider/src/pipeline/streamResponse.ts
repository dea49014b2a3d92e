/** Server-sent events and NDJSON streams get the idle timeout; whole bodies are passed as they are. */
export function isEventStream(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.startsWith('text/event-stream') || type.startsWith('application/x-ndjson');
}

/** The response with another body (status and headers kept). */
export function rebuild(response: Response, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** A body that fails with `error` as soon as it is read. */
export function erroredStream(error: unknown): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.error(error);
    },
  });
}
