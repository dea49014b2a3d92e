import { readFirstChunk } from './readFirstChunk.js';
import { erroredStream, rebuild } from './streamResponse.js';
import { idleTimeoutStream, withIdleTimeout } from './withIdleTimeout.js';

export interface DeliverySettings {
  /** The stream idle timeout, if any. */
  idleMs: number | undefined;
  /** Whether a stream is read ahead to its first byte, so that one failing before it can be requested again. */
  readAhead: boolean;
  /** Whether a stream that failed before its first byte may still be requested again. */
  canRetry: boolean;
}

/**
 * A streamed response (server-sent events, NDJSON; the caller hands over only those) as the caller
 * gets it: with the idle timeout and, when read ahead, held until its first byte. Resolves `undefined`
 * when the stream failed before that byte and may be requested again: nothing of it has reached the
 * caller. Out of retries, the caller gets the response, whose body fails as this one did.
 */
export async function deliverResponse(
  response: Response,
  settings: DeliverySettings,
  signal: AbortSignal | undefined,
): Promise<Response | undefined> {
  if (!response.body) return response;
  if (!settings.readAhead) return settings.idleMs ? withIdleTimeout(response, settings.idleMs) : response;
  const first = await readFirstChunk(response.body, settings.idleMs);
  if (first.kind === 'failed') {
    if (signal?.aborted) throw signal.reason;
    return settings.canRetry ? undefined : rebuild(response, erroredStream(first.error));
  }
  const head = first.kind === 'chunk' ? first.value : undefined;
  return rebuild(response, idleTimeoutStream(first.reader, settings.idleMs, head));
}
