import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CredentialKind } from './credentialCheck.js';
import { decodeBody, UnsupportedEncodingError } from './decodeBody.js';
import { BodyTooLargeError } from './readBody.js';
import { answerFor, DEMO_MODELS, inputText, responseEvents, responseObject } from './responsesApi.js';
import { sendJson } from './sendJson.js';

/**
 * `POST /responses` once the credential is verified: decodes the body (a body that inflates past the
 * limit rejects with {@link BodyTooLargeError}, for the caller's 413), then answers as one JSON
 * object or, with `stream: true`, as server-sent events. Counts each answer by format.
 */
export async function answerResponses(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  verifiedBy: CredentialKind,
  counts: { json: number; sse: number },
): Promise<void> {
  let payload: { model?: unknown; input?: unknown; stream?: unknown };
  try {
    payload = JSON.parse((await decodeBody(body, req.headers['content-encoding'])).toString('utf8'));
  } catch (error) {
    // Too large goes to the 413 answer; anything else the client sent is not JSON we can read.
    if (error instanceof BodyTooLargeError) throw error;
    if (error instanceof UnsupportedEncodingError)
      return sendJson(res, 415, { error: { message: error.message, type: 'invalid_request_error' } });
    return sendJson(res, 400, { error: { message: 'the body is not JSON', type: 'invalid_request_error' } });
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return sendJson(res, 400, {
      error: { message: 'the body must be a JSON object', type: 'invalid_request_error' },
    });
  }
  const model = typeof payload.model === 'string' ? payload.model : DEMO_MODELS[0];
  const text = answerFor(inputText(payload.input), verifiedBy);
  if (payload.stream !== true) {
    counts.json++;
    return sendJson(res, 200, responseObject(model, text));
  }
  counts.sse++;
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const event of responseEvents(model, text))
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  res.end();
}
