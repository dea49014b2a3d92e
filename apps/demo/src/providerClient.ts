import type { ModelProvider } from '@x/model-provider';
import OpenAI from 'openai';

/**
 * The official `openai` client over a provider's fetch. Its placeholder key is replaced by the
 * provider's auth, and its own retries are off because the provider's fetch retries (and
 * re-authorizes) itself. `onResponse` sees each HTTP response (for headers the client hides).
 */
export function providerClient(provider: ModelProvider, onResponse?: (response: Response) => void): OpenAI {
  const send: typeof fetch = async (input, init) => {
    const response = await provider.fetch(input, init);
    onResponse?.(response);
    return response;
  };
  return new OpenAI({ baseURL: provider.baseUrl, apiKey: 'unused', fetch: send, maxRetries: 0 });
}
