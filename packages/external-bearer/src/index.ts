export type { CommandTokenErrorCode } from './commandTokenError.js';
export { CommandTokenError } from './commandTokenError.js';
export type { CommandTokenEvent, RefreshReason } from './commandTokenEvent.js';
export type {
  CommandTokenSource,
  CommandTokenSourceDescription,
} from './commandTokenSource.js';
export { createCommandTokenSource } from './commandTokenSource.js';
export type { CommandTokenSourceConfig } from './commandTokenSourceConfig.js';
export type { HttpRequest, HttpResponseLike } from './httpRequest.js';
