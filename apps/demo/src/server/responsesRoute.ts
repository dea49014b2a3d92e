import type { ServerResponse } from 'node:http';
import type { CredentialKind } from './credentialVerdict.js';
import { responseEvents } from './responseEvents.js';
import { answerFor, inputText, responseObject } from './responsesApi.js';
import { sendJson } from './sendJson.js';
import { writeSse } from './writeSse.js';

/**
 * `POST /responses` once the credential is verified: answers as one JSON object or, with
 * `stream: true`, as the Responses API's server-sent events. Counts each answer by format.
 */
export function answerResponses(
  res: ServerResponse,
  payload: Record<string, unknown>,
  verifiedBy: CredentialKind,
  counts: { json: number; sse: number },
): void {
  const model = payload.model as string;
  const text = answerFor(inputText(payload.input), verifiedBy);
  if (payload.stream !== true) {
    counts.json++;
    sendJson(res, 200, responseObject(model, text));
    return;
  }
  counts.sse++;
  writeSse(
    res,
    responseEvents(model, text).map((event) => ({ event: String(event.type), data: event })),
  );
}
