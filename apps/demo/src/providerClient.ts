import { authMethodOf, type ModelProvider } from '@x/model-provider';
import OpenAI from 'openai';
import { credentialWait, type WaitNotice } from './waitNotice.js';

export interface ProviderClientOptions {
  /** Sees each HTTP response (for headers the client hides). */
  onResponse?: ((response: Response) => void) | undefined;
  /** Says so on stderr when a request waits for its credentials. */
  notice?: WaitNotice | undefined;
}

/**
 * The official `openai` client over a provider's `clientOptions()`: a placeholder key the provider's
 * fetch removes, and the client's own retries off because that fetch retries (and re-authorizes)
 * itself.
 */
export function providerClient(provider: ModelProvider, options: ProviderClientOptions = {}): OpenAI {
  const client = provider.clientOptions();
  const providerFetch = options.notice
    ? options.notice.watch(client.fetch, credentialWait(authMethodOf(provider.info)))
    : client.fetch;
  const send: typeof fetch = async (input, init) => {
    const response = await providerFetch(input, init);
    options.onResponse?.(response);
    return response;
  };
  return new OpenAI({ ...client, fetch: send });
}
