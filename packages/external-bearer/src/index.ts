// Every public name, listed by name.
export type { AuthorizeOptions, AuthSource, FailedResponse, HttpRequest } from '@x/auth-seam';
export type { CommandTokenErrorCode } from './errors.js';
export { CommandTokenError } from './errors.js';
export type { CommandTokenEvent, RefreshReason } from './events.js';
export type { CommandTokenSourceOptions } from './options.js';
export type { CommandTokenSource } from './source/commandTokenSource.js';
export { createCommandTokenSource } from './source/commandTokenSource.js';
export type { CommandTokenSourceDescription } from './source/describe.js';
