import { randomUUID } from 'node:crypto';

/** The models the embedded server lists. */
export const DEMO_MODELS = ['demo-echo-1', 'demo-echo-mini'] as const;

/** Pulls the user's text out of a Responses API `input` (a string or a list of messages). */
export function inputText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (!Array.isArray(input)) return '';
  const parts: string[] = [];
  for (const item of input) {
    const content = (item as { content?: unknown })?.content;
    if (typeof content === 'string') parts.push(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        const text = (part as { text?: unknown })?.text;
        if (typeof text === 'string') parts.push(text);
      }
    }
  }
  return parts.join('\n');
}

/** The assistant's answer: names the credential the server verified, so the caller can see it. */
export function answerFor(prompt: string, verifiedBy: string): string {
  return `echo: ${prompt.trim() || '(empty prompt)'} [verified: ${verifiedBy}]`;
}

/** A completed Responses API object carrying `text` as its one output message. */
export function responseObject(model: string, text: string): Record<string, unknown> {
  const id = `resp_${randomUUID().replaceAll('-', '')}`;
  return {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: 'completed',
    model,
    output: [
      {
        type: 'message',
        id: `msg_${id.slice(5)}`,
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
    usage: {
      input_tokens: 1,
      output_tokens: text.split(/\s+/).length,
      total_tokens: 1 + text.split(/\s+/).length,
    },
  };
}

/** The server-sent events of a streamed response: created, one delta per word, completed. */
export function responseEvents(model: string, text: string): Record<string, unknown>[] {
  const response = responseObject(model, text);
  const item = (response.output as { id: string }[])[0];
  const events: Record<string, unknown>[] = [
    { type: 'response.created', response: { ...response, status: 'in_progress', output: [] } },
  ];
  for (const delta of text.match(/\S+\s*/g) ?? []) {
    events.push({
      type: 'response.output_text.delta',
      item_id: item?.id,
      output_index: 0,
      content_index: 0,
      delta,
      logprobs: [],
    });
  }
  events.push({
    type: 'response.output_text.done',
    item_id: item?.id,
    output_index: 0,
    content_index: 0,
    text,
    logprobs: [],
  });
  events.push({ type: 'response.completed', response });
  return events.map((event, sequence_number) => ({ ...event, sequence_number }));
}
