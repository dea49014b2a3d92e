import { PLACEHOLDER_API_KEY } from '@x/auth-seam';

/**
 * What an OpenAI-compatible client needs to go through a provider: `new OpenAI(provider.clientOptions())`,
 * or `createOpenAI(provider.clientOptions())` of `@ai-sdk/openai`.
 * @public
 */
export interface ProviderClientOptions {
  /** The provider's base URL. */
  baseURL: string;
  /**
   * A placeholder, not a credential: clients insist on a key, and the provider's fetch removes the
   * `Authorization` they derive from this one before adding the provider's own credential.
   */
  apiKey: string;
  /** The provider's fetch: authorizes, retries and recovers every request. */
  fetch: typeof fetch;
  /** 0: the provider's fetch retries by itself (with fresh credentials), so the client must not. */
  maxRetries: 0;
}

/** The client options of a provider with this base URL and fetch. */
export function clientOptions(baseURL: string, providerFetch: typeof fetch): ProviderClientOptions {
  return { baseURL, apiKey: PLACEHOLDER_API_KEY, fetch: providerFetch, maxRetries: 0 };
}
