import { isRecoverableStatus, type RetryEvent, shouldRetryResponse } from '@x/auth-seam';
import { authorizeAttempt } from './authorizeAttempt.js';
import { deliverResponse } from './deliverResponse.js';
import { discardBody } from './discardBody.js';
import { lowerCaseHeaders } from './lowerCaseHeaders.js';
import { prepareRequest } from './prepareRequest.js';
import type { ProviderFetchOptions } from './providerFetchOptions.js';
import { recoverOnce } from './recoverOnce.js';
import { retryDelay } from './retryDelay.js';
import { sendAttempt } from './sendAttempt.js';
import { sleep } from './sleep.js';
import { isEventStream } from './streamResponse.js';
import { isResponseTimeout, transportFailure } from './transportFailure.js';
import { refuseUnsafeHeaders } from './unsafeHeader.js';

/**
 * A `fetch` for one provider: prepares the exact bytes once, then on every attempt authorizes them
 * afresh and sends with `redirect: 'manual'`. A 400, 401 or 403 goes once to the source's `recover`
 * (which says whether it mended it). Error statuses openai-node retries (408, 409, 429, 5xx, or as
 * `x-should-retry` says) and transport failures are retried up to `requestMaxRetries` times, after
 * the wait the server asks for (`retry-after-ms`, `retry-after`, up to 60 s) or jittered backoff;
 * every wait is reported to `onRetry` and ends at once when the caller aborts. Usable as the `fetch`
 * option of the `openai` client, whose own retries are then turned off.
 * @public
 */
export function createProviderFetch(options: ProviderFetchOptions): typeof fetch {
  const send = options.fetch ?? globalThis.fetch;
  const auth = options.auth;
  const maxRetries = options.requestMaxRetries ?? 4;
  const baseDelay = options.retryBaseDelayMs ?? 200;
  const streamMaxRetries = options.streamMaxRetries ?? 5;
  const idleMs = options.streamIdleTimeoutMs || undefined;
  const settings = {
    origin: new URL(options.baseUrl).origin,
    parts: {
      queryParams: Object.entries(options.queryParams ?? {}),
      httpHeaders: options.httpHeaders && lowerCaseHeaders(options.httpHeaders),
      envHttpHeaders: options.envHttpHeaders,
      env: options.env ?? process.env,
    },
    compression: options.compression,
    hasAuth: auth !== undefined,
  };

  /** Reports the wait before a retry, then waits; the caller's abort ends the wait at once. */
  const waitToRetry = (
    event: Omit<RetryEvent, 'delayMs' | 'delaySource'>,
    signal: AbortSignal | undefined,
    headers?: Headers,
  ): Promise<void> => {
    const delay = retryDelay(event.attempt, baseDelay, headers);
    options.onRetry?.({ ...event, ...delay });
    return sleep(delay.delayMs, signal);
  };

  const providerFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const preparing = prepareRequest(input, init, settings);
    const { prepared, signal, target } = preparing instanceof Promise ? await preparing : preparing;
    let recovered = false;
    // Retries after an error status or a transport failure; the one retry after an auth recovery is not one of them.
    let retries = 0;
    // Retries of streams that failed before their first byte: counted apart, as Codex does.
    let streamRetries = 0;
    for (let attempt = 0; ; attempt++) {
      const outgoing = auth ? await authorizeAttempt(auth, prepared, signal) : prepared;
      if (outgoing !== prepared) refuseUnsafeHeaders(outgoing, prepared, target);
      let response: Response;
      try {
        response = await sendAttempt(send, outgoing, signal, idleMs);
      } catch (cause) {
        if (signal?.aborted) throw cause;
        const reason = isResponseTimeout(cause) ? 'response-timeout' : 'transport';
        options.onAttempt?.({ attempt, error: reason, recovered });
        if (retries >= maxRetries) throw transportFailure(cause, prepared.method, target, attempt + 1);
        await waitToRetry({ attempt: ++retries, maxRetries, reason }, signal);
        continue;
      }
      options.onAttempt?.({ attempt, status: response.status, recovered });
      if (isRecoverableStatus(response.status) && !recovered && auth?.recover) {
        recovered = true;
        const unmended = await recoverOnce(auth, response, outgoing, signal);
        if (unmended === undefined) continue;
        response = unmended;
      }
      if (retries < maxRetries && shouldRetryResponse(response)) {
        await discardBody(response);
        const { status, headers } = response;
        await waitToRetry({ attempt: ++retries, maxRetries, status, reason: 'status' }, signal, headers);
        continue;
      }
      if (!isEventStream(response)) return response;
      const canRetry = streamRetries < streamMaxRetries;
      const delivered = await deliverResponse(
        response,
        { idleMs, readAhead: streamMaxRetries > 0, canRetry },
        signal,
      );
      // Once delivered, a stream is the caller's: nothing below sends this request again.
      if (delivered !== undefined) return delivered;
      await waitToRetry({ attempt: ++streamRetries, maxRetries: streamMaxRetries, reason: 'stream' }, signal);
    }
  };

  return providerFetch as typeof fetch;
}
