import { backoffDelay, isRecoverableStatus } from '@x/auth-seam';
import { authorizeAttempt } from './authorizeAttempt.js';
import { deliverResponse } from './deliverResponse.js';
import { discardBody } from './discardBody.js';
import { prepareRequest } from './prepareRequest.js';
import type { ProviderFetchOptions } from './providerFetchOptions.js';
import { recoverOnce } from './recoverOnce.js';
import { sendAttempt } from './sendAttempt.js';
import { sleep } from './sleep.js';
import { isResponseTimeout, transportFailure } from './transportFailure.js';
import { refuseUnsafeHeaders } from './unsafeHeader.js';

/** The longest backoff between two attempts. */
const MAX_RETRY_DELAY_MS = 10_000;

/**
 * A `fetch` for one provider: prepares the exact bytes once, then on every attempt authorizes them
 * afresh, sends with `redirect: 'manual'`, hands a 400, 401 or 403 once to the source's `recover` (which
 * says whether it mended it) and retries 5xx and
 * transport errors with backoff. Usable as the `fetch` option of the `openai` client.
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
      httpHeaders: options.httpHeaders,
      envHttpHeaders: options.envHttpHeaders,
      env: options.env ?? process.env,
    },
    compression: options.compression,
    hasAuth: auth !== undefined,
  };

  const providerFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const { prepared, signal, target } = await prepareRequest(input, init, settings);
    let recovered = false;
    // Retries after 5xx and transport errors; the one retry after an auth recovery is not one of them.
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
        const error = isResponseTimeout(cause) ? 'response-timeout' : 'transport';
        options.onAttempt?.({ attempt, error, recovered });
        if (retries >= maxRetries) throw transportFailure(cause, prepared.method, target, attempt + 1);
        await sleep(backoffDelay(++retries, baseDelay, MAX_RETRY_DELAY_MS), signal);
        continue;
      }
      options.onAttempt?.({ attempt, status: response.status, recovered });
      if (isRecoverableStatus(response.status) && !recovered && auth?.recover) {
        recovered = true;
        const unmended = await recoverOnce(auth, response, outgoing);
        if (unmended === undefined) continue;
        return unmended;
      }
      if (response.status >= 500 && retries < maxRetries) {
        await discardBody(response);
        await sleep(backoffDelay(++retries, baseDelay, MAX_RETRY_DELAY_MS), signal);
        continue;
      }
      const canRetry = streamRetries < streamMaxRetries;
      const delivered = await deliverResponse(
        response,
        { idleMs, readAhead: streamMaxRetries > 0, canRetry },
        signal,
      );
      if (delivered !== undefined) return delivered;
      await sleep(backoffDelay(++streamRetries, baseDelay, MAX_RETRY_DELAY_MS), signal);
    }
  };

  return providerFetch as typeof fetch;
}
