import { messageItem, newResponseIds, outputTextPart, responseObject, textPieces } from './responsesApi.js';

/**
 * The server-sent events of one streamed response, in the order OpenAI sends them: the response is
 * created and in progress, its message item and text part are added, the text arrives in several
 * deltas and is done, the part and item are done, and the response completes. Each event carries
 * its `sequence_number` and the indexes and ids a client's accumulator needs to place it.
 */
export function responseEvents(model: string, text: string): Record<string, unknown>[] {
  const ids = newResponseIds();
  const opened = responseObject(model, null, ids);
  const where = { item_id: ids.itemId, output_index: 0, content_index: 0 };
  const events: Record<string, unknown>[] = [
    { type: 'response.created', response: opened },
    { type: 'response.in_progress', response: opened },
    { type: 'response.output_item.added', output_index: 0, item: messageItem(ids.itemId, null) },
    { type: 'response.content_part.added', ...where, part: outputTextPart('') },
    ...textPieces(text).map((delta) => ({
      type: 'response.output_text.delta',
      ...where,
      delta,
      logprobs: [],
    })),
    { type: 'response.output_text.done', ...where, text, logprobs: [] },
    { type: 'response.content_part.done', ...where, part: outputTextPart(text) },
    { type: 'response.output_item.done', output_index: 0, item: messageItem(ids.itemId, text) },
    { type: 'response.completed', response: responseObject(model, text, ids) },
  ];
  return events.map((event, sequence_number) => ({ ...event, sequence_number }));
}
