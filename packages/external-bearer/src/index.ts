export type { CommandTokenErrorCode } from './errors.js';
export { CommandTokenError } from './errors.js';
export type { HttpRequest, HttpResponseLike } from './httpRequest.js';
export type { CommandTokenSourceConfig } from './options.js';
export type {
  CommandTokenSource,
  CommandTokenSourceDescription,
} from './source/commandTokenSource.js';
export { createCommandTokenSource } from './source/commandTokenSource.js';
export type { CommandTokenEvent, RefreshReason } from './source/events.js';
