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

/** Word-ish pieces of `text`, one per streamed delta; together they are `text` again. */
export function textPieces(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

/** Rough token counts for `usage`: one per word. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The assistant message of a response, finished or just opened (no content yet). */
export function messageItem(id: string, text: string | null): Record<string, unknown> {
  return {
    id,
    type: 'message',
    status: text === null ? 'in_progress' : 'completed',
    role: 'assistant',
    content: text === null ? [] : [outputTextPart(text)],
  };
}

/** One `output_text` content part. */
export function outputTextPart(text: string): Record<string, unknown> {
  return { type: 'output_text', text, annotations: [], logprobs: [] };
}

/**
 * A Responses API object with every field the API documents. With `text` it is completed and carries
 * the answer as its one output message; with null it is the in-progress shell a stream starts with.
 */
export function responseObject(
  model: string,
  text: string | null,
  ids: { id: string; itemId: string; createdAt: number } = newResponseIds(),
): Record<string, unknown> {
  const done = text !== null;
  return {
    id: ids.id,
    object: 'response',
    created_at: ids.createdAt,
    status: done ? 'completed' : 'in_progress',
    background: false,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model,
    output: done ? [messageItem(ids.itemId, text)] : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: false,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: done
      ? {
          input_tokens: 1,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: countWords(text),
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 1 + countWords(text),
        }
      : null,
    user: null,
    metadata: {},
  };
}

/** Fresh ids for one response and its message. */
export function newResponseIds(): { id: string; itemId: string; createdAt: number } {
  const hex = randomUUID().replaceAll('-', '');
  return { id: `resp_${hex}`, itemId: `msg_${hex}`, createdAt: Math.floor(Date.now() / 1000) };
}
