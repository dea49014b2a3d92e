import { randomUUID } from 'node:crypto';
import { countWords, textPieces } from './responsesApi.js';

/** The text of the last user message in a Chat Completions `messages` list. */
export function lastUserText(messages: readonly unknown[]): string {
  for (const message of [...messages].reverse()) {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    if (role !== 'user') continue;
    if (typeof content === 'string') return content;
    if (Array.isArray(content))
      return content
        .map((part) => (part as { text?: unknown })?.text)
        .filter((text): text is string => typeof text === 'string')
        .join('\n');
  }
  return '';
}

function completionIds(): { id: string; created: number } {
  return { id: `chatcmpl-${randomUUID().replaceAll('-', '')}`, created: Math.floor(Date.now() / 1000) };
}

function usage(text: string): Record<string, number> {
  return { prompt_tokens: 1, completion_tokens: countWords(text), total_tokens: 1 + countWords(text) };
}

/** A whole `chat.completion` with `text` as the assistant's one choice. */
export function chatCompletion(model: string, text: string): Record<string, unknown> {
  return {
    ...completionIds(),
    object: 'chat.completion',
    model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: usage(text),
  };
}

/**
 * The `chat.completion.chunk`s of a streamed completion: the role first, then the text in several
 * pieces, then an empty delta with `finish_reason: "stop"`, and, when the request asked for it with
 * `stream_options.include_usage`, a last chunk with no choices and the usage. The caller ends the
 * stream with `data: [DONE]`.
 */
export function chatCompletionChunks(model: string, text: string, includeUsage: boolean): unknown[] {
  const { id, created } = completionIds();
  const chunk = (delta: Record<string, unknown>, finish: string | null): Record<string, unknown> => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const chunks: Record<string, unknown>[] = [
    chunk({ role: 'assistant', content: '', refusal: null }, null),
    ...textPieces(text).map((content) => chunk({ content }, null)),
    chunk({}, 'stop'),
  ];
  if (includeUsage) chunks.push({ ...chunk({}, null), choices: [], usage: usage(text) });
  return chunks;
}
