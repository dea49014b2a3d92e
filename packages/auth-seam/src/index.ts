export { backoffDelay } from './backoffDelay.js';
export { bearerOf } from './bearerOf.js';
export { isHeaderName, isHeaderValue } from './headerSafety.js';
export type { AuthorizeOptions, AuthSource, FailedResponse, HttpRequest } from './httpRequest.js';
export { isRecoverableStatus } from './recoverableStatus.js';
export { untilAborted } from './untilAborted.js';
