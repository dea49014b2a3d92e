import type { RetryEvent } from '@x/auth-seam';
import type { AuthManager } from '@x/auth-store';
import type { ProviderConfig } from '../config/providerConfig.js';
import type { ModelProvider, ProviderSummary } from './modelProvider.js';

/**
 * Options of {@link createProviderRegistry}.
 * @public
 */
export interface ProviderRegistryOptions {
  /**
   * A configuration from `loadConfig`: its providers join the built-ins; without it only the built-ins exist.
   */
  config?: ProviderConfig | undefined;
  /** Needed by providers with `requires_openai_auth` and for a stored Bedrock API key. */
  authManager?: AuthManager | undefined;
  /** Environment for `env_key`, `env_http_headers` and AWS settings. Default `process.env`. */
  env?: Record<string, string | undefined> | undefined;
  /** The transport under every provider's fetch. Default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** First retry delay in ms (doubles per retry, with jitter). Default 200. */
  retryBaseDelayMs?: number | undefined;
  /** Called before every wait between two attempts of any provider's request, e.g. to tell a user. */
  onRetry?: ((event: RetryEvent, providerId: string) => void) | undefined;
  /**
   * Request body compression for every provider: `'gzip'` compresses bodies of 1 KiB or more once,
   * before they are authorized (so SigV4 signs the compressed bytes). Default `'none'`.
   */
  compression?: 'gzip' | 'none' | undefined;
}

/**
 * The providers of one configuration, as {@link createProviderRegistry} returns them.
 * @public
 */
export interface ProviderRegistry {
  /**
   * Every provider, built-ins first, with base URL and auth method; never a secret. An Amazon Bedrock
   * endpoint with no region configured anywhere shows the region of the Bedrock API key the auth
   * manager last read (after a login, `auth()`, `reload()` or `resolve()`); nothing is read here.
   */
  list(): ProviderSummary[];
  /**
   * The provider with this id (created once, then reused, so token caches are shared). A Bedrock
   * provider follows the stored key the auth manager last read, as `list()` does.
   */
  get(id: string): ModelProvider;
  /**
   * Like `get`, after reading the stored login: for an Amazon Bedrock provider with no region
   * configured anywhere, a stored Bedrock API key's region then picks the endpoint. Prefer it when an
   * auth manager is in use and may not have read the store yet.
   */
  resolve(id: string): Promise<ModelProvider>;
  /** `model_provider` from the config, else `openai`. */
  defaultProviderId(): string;
}
