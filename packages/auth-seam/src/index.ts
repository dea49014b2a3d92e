export { backoffDelay } from './backoffDelay.js';
export { bearerOf } from './bearerOf.js';
export { isHeaderName, isHeaderValue } from './headerSafety.js';
export type { AuthorizeOptions, AuthSource, FailedResponse, HttpRequest } from './httpRequest.js';
export { isPlaceholderAuthorization, PLACEHOLDER_API_KEY } from './placeholderApiKey.js';
export { isRecoverableStatus } from './recoverableStatus.js';
export { MAX_RETRY_AFTER_MS, retryAfterMs } from './retryAfterMs.js';
export { shouldRetryResponse } from './shouldRetryResponse.js';
export { untilAborted } from './untilAborted.js';
