import type { ServerResponse } from 'node:http';

/**
 * Answers 200 with `text/event-stream` and writes each message as `event:` (when named) and `data:`
 * lines, then the terminator Chat Completions streams end with (`data: [DONE]`) if asked, and ends.
 */
export function writeSse(
  res: ServerResponse,
  messages: readonly { event?: string; data: unknown }[],
  options: { done?: boolean } = {},
): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
  for (const { event, data } of messages)
    res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
  if (options.done) res.write('data: [DONE]\n\n');
  res.end();
}
