import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatCompletion, chatCompletionChunks, lastUserText } from './chatCompletions.js';
import type { CredentialKind } from './credentialVerdict.js';
import { parseJsonBody } from './parseJsonBody.js';
import { answerFor } from './responsesApi.js';
import { sendError } from './sendError.js';
import { sendJson } from './sendJson.js';
import { writeSse } from './writeSse.js';

/**
 * `POST /chat/completions` once the credential is verified: one `chat.completion`, or with
 * `stream: true` its chunks as server-sent events ending with `data: [DONE]`. Counts each answer by
 * format.
 */
export async function answerChatCompletions(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  verifiedBy: CredentialKind,
  counts: { json: number; sse: number },
): Promise<void> {
  const parsed = await parseJsonBody(body, req.headers);
  if (!parsed.ok) return sendError(res, parsed.status, parsed.error);
  const { payload } = parsed;
  if (!Array.isArray(payload.messages))
    return sendError(res, 400, {
      message: "Missing required parameter: 'messages'.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'missing_required_parameter',
    });
  const model = payload.model as string;
  const text = answerFor(lastUserText(payload.messages), verifiedBy);
  if (payload.stream !== true) {
    counts.json++;
    return sendJson(res, 200, chatCompletion(model, text));
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
