import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, generateText, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyedServer } from '../__testing__/keyedServer.js';
import type { ProviderServer } from './providerServer.js';

const KEY = 'sk-ai-sdk-test';
let server: ProviderServer;
const sent: string[] = [];
beforeAll(async () => {
  server = await startKeyedServer(KEY);
});
afterAll(() => server.close());

/** The AI SDK's OpenAI provider on the embedded server, through a fetch that notes each path. */
function provider(headers: Record<string, string> = {}) {
  return createOpenAI({
    baseURL: server.openaiBaseUrl,
    apiKey: KEY,
    headers,
    fetch: (input, init) => {
      sent.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return fetch(input, init);
    },
  });
}

describe('the embedded server, as the AI SDK sees it', () => {
  it('streams a Responses API answer through streamText', async () => {
    sent.length = 0;
    const result = streamText({ model: provider()('demo-echo-1'), prompt: 'stream me' });
    const pieces: string[] = [];
    for await (const piece of result.textStream) pieces.push(piece);
    expect(pieces.join('')).toBe('echo: stream me [verified: api-key]');
    expect(pieces.length).toBeGreaterThan(2);
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
    expect(sent).toEqual(['/v1/responses']);
  });

  it('answers generateText over the Responses API and over Chat Completions', async () => {
    sent.length = 0;
    const responses = await generateText({ model: provider()('demo-echo-1'), prompt: 'whole' });
    expect(responses.text).toBe('echo: whole [verified: api-key]');
    const chat = await generateText({ model: provider().chat('demo-echo-1'), prompt: 'chatty' });
    expect(chat.text).toBe('echo: chatty [verified: api-key]');
    const streamed = streamText({ model: provider().chat('demo-echo-1'), prompt: 'chat stream' });
    expect(await streamed.text).toBe('echo: chat stream [verified: api-key]');
    expect(sent).toEqual(['/v1/responses', '/v1/chat/completions', '/v1/chat/completions']);
  });

  it('sees an asked-for 429 as a retryable APICallError with its status and headers', async () => {
    const error = await generateText({
      model: provider({ 'x-xdemo-fail': '429;retry-after=3;times=1;id=ai-sdk' })('demo-echo-1'),
      prompt: 'limited',
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    const call = error as APICallError;
    expect(call.statusCode).toBe(429);
    expect(call.isRetryable).toBe(true);
    expect(call.responseHeaders?.['retry-after']).toBe('3');
    expect(call.message).toContain('failing on purpose with 429');
  });
});
