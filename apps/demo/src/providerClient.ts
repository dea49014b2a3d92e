import type { ModelProvider } from '@x/model-provider';
import OpenAI from 'openai';

/**
 * The official `openai` client over a provider's `clientOptions()`: a placeholder key the provider's
 * fetch removes, and the client's own retries off because that fetch retries (and re-authorizes)
 * itself. `onResponse` sees each HTTP response (for headers the client hides).
 */
export function providerClient(provider: ModelProvider, onResponse?: (response: Response) => void): OpenAI {
  const options = provider.clientOptions();
  const send: typeof fetch = async (input, init) => {
    const response = await options.fetch(input, init);
    onResponse?.(response);
    return response;
  };
  return new OpenAI({ ...options, fetch: send });
}
