import type { ModelProvider } from '@x/model-provider';
import OpenAI from 'openai';

export interface AskOptions {
  model: string;
  prompt: string;
  /** Stream the answer (SSE), calling `onDelta` per piece. Default true. */
  stream?: boolean;
  onDelta?: (text: string) => void;
}

export interface AskResult {
  text: string;
  /** What the server says it verified (the embedded server's `x-demo-verified` header), if it says. */
  verifiedBy: string | null;
}

/**
 * One Responses API call through the official `openai` client over the provider's fetch. The client's
 * placeholder key is replaced by the provider's auth, and its own retries are off because the
 * provider's fetch retries (and re-authorizes) itself.
 */
export async function askProvider(provider: ModelProvider, options: AskOptions): Promise<AskResult> {
  const client = new OpenAI({
    baseURL: provider.baseUrl,
    apiKey: 'unused',
    fetch: provider.fetch,
    maxRetries: 0,
  });
  if (options.stream === false) {
    const { data, response } = await client.responses
      .create({ model: options.model, input: options.prompt })
      .withResponse();
    options.onDelta?.(data.output_text);
    return { text: data.output_text, verifiedBy: response.headers.get('x-demo-verified') };
  }
  const { data: stream, response } = await client.responses
    .create({ model: options.model, input: options.prompt, stream: true })
    .withResponse();
  let text = '';
  for await (const event of stream) {
    if (event.type === 'response.output_text.delta') {
      text += event.delta;
      options.onDelta?.(event.delta);
    }
  }
  return { text, verifiedBy: response.headers.get('x-demo-verified') };
}
