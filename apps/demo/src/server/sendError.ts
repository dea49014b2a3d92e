import type { ServerResponse } from 'node:http';
import { sendJson } from './sendJson.js';

/** What OpenAI's API says inside `{ "error": … }`. */
export interface ApiErrorDetails {
  message: string;
  type: string;
  /** The request field at fault, or null. */
  param?: string | null;
  /** A stable code, or null. */
  code?: string | null;
}

/** OpenAI's error body: `{ "error": { "message", "type", "param", "code" } }`, every key present. */
export function apiErrorBody(details: ApiErrorDetails): { error: Required<ApiErrorDetails> } {
  return {
    error: {
      message: details.message,
      type: details.type,
      param: details.param ?? null,
      code: details.code ?? null,
    },
  };
}

/** Ends the response with `status` and OpenAI's error body. */
export function sendError(res: ServerResponse, status: number, details: ApiErrorDetails): void {
  sendJson(res, status, apiErrorBody(details));
}
