import { ProviderRequestError } from '../providerRequestError.js';
import { addProviderParts } from './addProviderParts.js';
import type { AuthSource, HttpRequest } from './authSource.js';
import { backoffDelay, sleep } from './backoff.js';
import { discardBody } from './discardBody.js';
import { type PrepareBodyOptions, prepareBodyForSend } from './prepareBodyForSend.js';
import { readFetchInput } from './readFetchInput.js';
import { readFirstChunk } from './readFirstChunk.js';
import { redactPlatformError } from './redactPlatformError.js';
import { sendAttempt } from './sendAttempt.js';
import { erroredStream, isEventStream, rebuild } from './streamResponse.js';
import { refuseUnsafeHeaders } from './unsafeHeader.js';
import { idleTimeoutStream, withIdleTimeout } from './withIdleTimeout.js';

export interface ProviderFetchOptions {
  /** Requests may only go to this origin: credentials are never attached to another one. */
  baseUrl: string;
  auth?: AuthSource | undefined;
  queryParams?: Record<string, string> | undefined;
  httpHeaders?: Record<string, string> | undefined;
  /** header name -> environment variable; skipped when unset or blank. */
  envHttpHeaders?: Record<string, string> | undefined;
  env?: Record<string, string | undefined>;
  /** Retries after a 5xx, a transport error or a response timeout. Default 4. */
  requestMaxRetries?: number;
  /** First backoff delay; doubles each retry, with jitter. Default 200 ms. */
  retryBaseDelayMs?: number;
  /**
   * Error a server-sent-events or NDJSON response whose stream is silent for longer than this; it
   * also bounds the wait for response headers on each attempt (RESPONSE_TIMEOUT, retried like a
   * transport error).
   */
  streamIdleTimeoutMs?: number;
  /**
   * Times a streamed (server-sent events or NDJSON) response that fails before delivering its first
   * byte (a dropped connection, or silence past the idle timeout) is requested again. Once a byte has
   * been delivered the stream is the caller's and is never replayed. Default 5.
   */
  streamMaxRetries?: number;
  compression?: PrepareBodyOptions['compression'];
  fetch?: typeof fetch;
  /** Called once per attempt, for metrics and tests. */
  onAttempt?: (event: { attempt: number; status?: number; error?: string; recovered: boolean }) => void;
}

/** Statuses after which Bedrock-style services ask for fresh credentials. */
const AUTH_STATUSES = new Set([401, 403]);

/**
 * A `fetch` for one provider: prepares the exact bytes once, then on every attempt authorizes them
 * afresh, sends with `redirect: 'manual'`, recovers once from an auth failure and retries 5xx and
 * transport errors with backoff. Usable as the `fetch` option of the `openai` client.
 */
export function createProviderFetch(options: ProviderFetchOptions): typeof fetch {
  const send = options.fetch ?? globalThis.fetch;
  const origin = new URL(options.baseUrl).origin;
  const maxRetries = options.requestMaxRetries ?? 4;
  const baseDelay = options.retryBaseDelayMs ?? 200;
  const streamMaxRetries = options.streamMaxRetries ?? 5;
  const parts = {
    queryParams: Object.entries(options.queryParams ?? {}),
    httpHeaders: options.httpHeaders,
    envHttpHeaders: options.envHttpHeaders,
    env: options.env ?? process.env,
  };

  const providerFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const { request, signal, target: requested } = await readFetchInput(input, init);
    const prepared = prepareBodyForSend(addProviderParts(request, parts), {
      compression: options.compression ?? 'none',
    });
    // Parsed once: again only when provider query parameters changed the URL.
    const target = prepared.url === request.url ? requested : new URL(prepared.url);
    if (target.origin !== origin) {
      throw new ProviderRequestError(
        'ORIGIN_MISMATCH',
        `refusing to send provider credentials to ${target.origin}; the provider's base URL is ${origin}`,
      );
    }
    // The client's own Authorization (the openai client's placeholder key) is replaced by ours.
    // (Deleted only when present: a delete turns the header object into a slower dictionary.)
    if (options.auth && prepared.headers.authorization !== undefined) delete prepared.headers.authorization;
    refuseUnsafeHeaders(prepared, undefined, target);

    let recovered = false;
    // Retries after 5xx and transport errors; the one retry after an auth recovery is not one of them.
    let retries = 0;
    // Retries of streams that failed before their first byte: counted apart, as Codex does.
    let streamRetries = 0;
    for (let attempt = 0; ; attempt++) {
      const outgoing = options.auth ? await authorizeAttempt(options.auth, prepared, signal) : prepared;
      if (outgoing !== prepared) refuseUnsafeHeaders(outgoing, prepared, target);
      let response: Response;
      try {
        response = await sendAttempt(send, outgoing, signal, options.streamIdleTimeoutMs || undefined);
      } catch (cause) {
        if (signal?.aborted) throw cause;
        const timedOut = cause instanceof ProviderRequestError && cause.code === 'RESPONSE_TIMEOUT';
        options.onAttempt?.({ attempt, error: timedOut ? 'response-timeout' : 'transport', recovered });
        if (retries >= maxRetries) {
          if (timedOut) {
            throw new ProviderRequestError(
              'RESPONSE_TIMEOUT',
              `${prepared.method} ${target.pathname}: ${cause.message} after ${attempt + 1} attempt(s)`,
            );
          }
          throw new ProviderRequestError(
            'TRANSPORT',
            `${prepared.method} ${target.pathname} failed after ${attempt + 1} attempt(s): ${describeCause(cause)}`,
            { cause: redactPlatformError(cause) },
          );
        }
        await sleep(backoffDelay(retries++, baseDelay), signal);
        continue;
      }
      options.onAttempt?.({ attempt, status: response.status, recovered });
      if (AUTH_STATUSES.has(response.status) && !recovered && options.auth?.recover) {
        recovered = true;
        const body = await response.clone().text();
        if (
          await options.auth.recover({ status: response.status, headers: response.headers, body }, outgoing)
        ) {
          await discardBody(response);
          continue;
        }
        return new Response(body, response);
      }
      if (response.status >= 500 && retries < maxRetries) {
        await discardBody(response);
        await sleep(backoffDelay(retries++, baseDelay), signal);
        continue;
      }
      if (!isEventStream(response) || !response.body) return response;
      if (streamMaxRetries === 0) {
        return options.streamIdleTimeoutMs
          ? withIdleTimeout(response, options.streamIdleTimeoutMs)
          : response;
      }
      const first = await readFirstChunk(response.body, options.streamIdleTimeoutMs || undefined);
      if (first.kind === 'failed') {
        if (signal?.aborted) throw signal.reason;
        if (streamRetries < streamMaxRetries) {
          await sleep(backoffDelay(streamRetries++, baseDelay), signal);
          continue;
        }
        // Out of retries: the caller gets the response, whose body fails as this one did.
        return rebuild(response, erroredStream(first.error));
      }
      const head = first.kind === 'chunk' ? first.value : undefined;
      return rebuild(
        response,
        idleTimeoutStream(first.reader, options.streamIdleTimeoutMs || undefined, head),
      );
    }
  };

  return providerFetch as typeof fetch;
}

/**
 * Authorizes one attempt with the caller's signal, so that a source waiting for a token (a command
 * still running, say) lets go as soon as the caller aborts. Like `fetch`, an aborted request rejects
 * with the signal's reason, whatever the source threw.
 */
async function authorizeAttempt(
  auth: AuthSource,
  request: HttpRequest,
  signal: AbortSignal | undefined,
): Promise<HttpRequest> {
  if (signal?.aborted) throw signal.reason;
  try {
    return await auth.authorize(request, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}

/** Names the failure without quoting another library's message, which may carry request details. */
function describeCause(cause: unknown): string {
  const code = (cause as { cause?: { code?: unknown } })?.cause?.code ?? (cause as { code?: unknown })?.code;
  return typeof code === 'string' ? code : cause instanceof Error ? cause.name : 'unknown error';
}
