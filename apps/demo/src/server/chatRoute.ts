import type { ServerResponse } from 'node:http';
import { chatCompletion, chatCompletionChunks, lastUserText } from './chatCompletions.js';
import type { CredentialKind } from './credentialVerdict.js';
import { answerFor } from './responsesApi.js';
import { sendError } from './sendError.js';
import { sendJson } from './sendJson.js';
import { writeSse } from './writeSse.js';

/**
 * `POST /chat/completions` once the credential is verified: one `chat.completion`, or with
 * `stream: true` its chunks as server-sent events ending with `data: [DONE]`. Counts each answer by
 * format.
 */
export function answerChatCompletions(
  res: ServerResponse,
  payload: Record<string, unknown>,
  verifiedBy: CredentialKind,
  counts: { json: number; sse: number },
): void {
  if (!Array.isArray(payload.messages)) {
    sendError(res, 400, {
      message: "Missing required parameter: 'messages'.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'missing_required_parameter',
    });
    return;
  }
  const model = payload.model as string;
  const text = answerFor(lastUserText(payload.messages), verifiedBy);
  if (payload.stream !== true) {
    counts.json++;
    sendJson(res, 200, chatCompletion(model, text));
    return;
  }
  counts.sse++;
  const includeUsage =
    (payload.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  writeSse(
    res,
    chatCompletionChunks(model, text, includeUsage).map((data) => ({ data })),
    { done: true },
  );
}
