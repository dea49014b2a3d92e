import type { HttpRequest } from '@x/auth-seam';
import { ProviderRequestError } from '../errors.js';

/**
 * Sends one attempt. Until the response headers arrive, `headersTimeoutMs` (the provider's stream
 * idle timeout) bounds the wait: a server that accepts the connection and never answers fails the
 * attempt with RESPONSE_TIMEOUT, and its connection is aborted. Once the headers are in the timer is
 * gone; the body then answers to the caller's signal (and the stream idle timeout) only.
 */
export function sendAttempt(
  send: typeof fetch,
  request: HttpRequest,
  signal: AbortSignal | undefined,
  headersTimeoutMs: number | undefined,
): Promise<Response> {
  // Redirects are returned, not followed: a credential never travels to where a redirect points.
  const init: RequestInit = { method: request.method, headers: request.headers, redirect: 'manual' };
  if (request.body !== undefined) init.body = request.body;
  if (headersTimeoutMs !== undefined) return sendWithin(send, request.url, init, signal, headersTimeoutMs);
  if (signal) init.signal = signal;
  return send(request.url, init);
}

async function sendWithin(
  send: typeof fetch,
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  headersTimeoutMs: number,
): Promise<Response> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), headersTimeoutMs);
  init.signal = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
  try {
    return await send(url, init);
  } catch (error) {
    if (deadline.signal.aborted && !signal?.aborted) {
      throw new ProviderRequestError(
        'RESPONSE_TIMEOUT',
        `no response headers within ${headersTimeoutMs} ms (stream_idle_timeout_ms)`,
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
