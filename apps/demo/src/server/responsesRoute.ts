import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CredentialKind } from './credentialVerdict.js';
import { parseJsonBody } from './parseJsonBody.js';
import { responseEvents } from './responseEvents.js';
import { answerFor, inputText, responseObject } from './responsesApi.js';
import { sendError } from './sendError.js';
import { sendJson } from './sendJson.js';
import { writeSse } from './writeSse.js';

/**
 * `POST /responses` once the credential is verified: answers as one JSON object or, with
 * `stream: true`, as the Responses API's server-sent events. Counts each answer by format.
 */
export async function answerResponses(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  verifiedBy: CredentialKind,
  counts: { json: number; sse: number },
): Promise<void> {
  const parsed = await parseJsonBody(body, req.headers);
  if (!parsed.ok) return sendError(res, parsed.status, parsed.error);
  const { payload } = parsed;
  const model = payload.model as string;
  const text = answerFor(inputText(payload.input), verifiedBy);
  if (payload.stream !== true) {
    counts.json++;
    return sendJson(res, 200, responseObject(model, text));
  }
  counts.sse++;
  writeSse(
    res,
    responseEvents(model, text).map((event) => ({ event: String(event.type), data: event })),
  );
}
