import type { ModelProvider } from '@x/model-provider';
import { providerClient } from './providerClient.js';
import type { WaitNotice } from './waitNotice.js';

export interface AskOptions {
  model: string;
  prompt: string;
  /** Stream the answer (SSE), calling `onDelta` per piece. Default true. */
  stream?: boolean;
  onDelta?: (text: string) => void;
  /** Says so on stderr when the request waits (retries, credentials). */
  notice?: WaitNotice | undefined;
}

export interface AskResult {
  text: string;
  /** What the server says it verified (the embedded server's `x-demo-verified` header), if it says. */
  verifiedBy: string | null;
}

/**
 * One Responses API call through the official `openai` client over the provider's fetch: streamed
 * with `responses.stream()`, whose final response gives the text, or one `responses.create()`.
 */
export async function askProvider(provider: ModelProvider, options: AskOptions): Promise<AskResult> {
  let verifiedBy: string | null = null;
  const client = providerClient(provider, {
    notice: options.notice,
    onResponse: (response) => {
      verifiedBy = response.headers.get('x-demo-verified');
    },
  });
  const request = { model: options.model, input: options.prompt };
  if (options.stream === false) {
    const response = await client.responses.create(request);
    options.onDelta?.(response.output_text);
    return { text: response.output_text, verifiedBy };
  }
  const stream = client.responses.stream(request);
  stream.on('response.output_text.delta', (event) => options.onDelta?.(event.delta));
  const final = await stream.finalResponse();
  return { text: final.output_text, verifiedBy };
}
