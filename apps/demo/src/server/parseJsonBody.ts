import type { IncomingHttpHeaders } from 'node:http';
import { decodeBody, UnsupportedEncodingError } from './decodeBody.js';
import { BodyTooLargeError } from './readBody.js';
import type { ApiErrorDetails } from './sendError.js';

export type ParsedBody =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; status: 400 | 415; error: ApiErrorDetails };

/**
 * Decodes (per `content-encoding`) and parses a request body that must be a JSON object. A body that
 * inflates past the limit rejects with {@link BodyTooLargeError}, for the caller's 413; anything else
 * wrong is a 400 (or 415 for an encoding the server does not know) in OpenAI's error shape.
 */
export async function parseJsonBody(body: Buffer, headers: IncomingHttpHeaders): Promise<ParsedBody> {
  let payload: unknown;
  try {
    payload = JSON.parse((await decodeBody(body, headers['content-encoding'])).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    if (error instanceof UnsupportedEncodingError)
      return {
        ok: false,
        status: 415,
        error: { message: error.message, type: 'invalid_request_error', code: 'unsupported_encoding' },
      };
    return {
      ok: false,
      status: 400,
      error: { message: 'the body is not JSON', type: 'invalid_request_error', code: 'invalid_json' },
    };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return {
      ok: false,
      status: 400,
      error: {
        message: 'the body must be a JSON object',
        type: 'invalid_request_error',
        code: 'invalid_json',
      },
    };
  if (typeof (payload as { model?: unknown }).model !== 'string')
    return {
      ok: false,
      status: 400,
      error: {
        message: "Missing required parameter: 'model'.",
        type: 'invalid_request_error',
        param: 'model',
        code: 'missing_required_parameter',
      },
    };
  return { ok: true, payload: payload as Record<string, unknown> };
}
