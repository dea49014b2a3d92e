import type { FailedResponse } from './httpRequest.js';
import { headerValue } from './internal/headerValue.js';

/**
 * Whether an error response is worth sending again after a wait, as openai-node decides: the
 * server's `x-should-retry: true` or `false` wins; otherwise 408 (request timeout), 409 (lock
 * conflict), 429 (rate limit) and every 5xx are retried. Statuses below 400 never are. This is apart
 * from recovery ({@link isRecoverableStatus}), which a pipeline tries first.
 * @public
 */
export function shouldRetryResponse(response: Pick<FailedResponse, 'status' | 'headers'>): boolean {
  if (response.status < 400) return false;
  const verdict = headerValue(response.headers, 'x-should-retry')?.trim().toLowerCase();
  if (verdict === 'true') return true;
  if (verdict === 'false') return false;
  const { status } = response;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
