import type { AuthMethod } from '../auth/authMethod.js';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';
import type { ProviderClientOptions } from './clientOptions.js';

/**
 * One line of `registry.list()`: what a user needs to pick a provider. Never holds a secret.
 * @public
 */
export interface ProviderSummary {
  id: string;
  name: string;
  baseUrl: string;
  authMethod: AuthMethod;
  builtIn: boolean;
}

/**
 * A model listed by a provider's `GET /models`.
 * @public
 */
export interface ModelSummary {
  id: string;
  ownedBy?: string | undefined;
}

/**
 * A provider ready to use: its resolved settings, a `fetch` that authorizes every attempt, helpers.
 * @public
 */
export interface ModelProvider {
  id: string;
  info: Readonly<ModelProviderInfo>;
  /** Base URL to give a client (e.g. `new OpenAI({ baseURL })`). */
  baseUrl: string;
  /** A `fetch` for this provider; pass it to the `openai` client with `maxRetries: 0` (it retries itself). */
  fetch: typeof fetch;
  /**
   * Everything `new OpenAI(…)` (or `createOpenAI(…)` of `@ai-sdk/openai`) needs for this provider:
   * `baseURL`, a placeholder `apiKey` the fetch removes, the `fetch`, and `maxRetries: 0`.
   */
  clientOptions(): ProviderClientOptions;
  /** `GET <baseUrl>/models` with the provider's auth. */
  listModels(options?: { signal?: AbortSignal | undefined }): Promise<ModelSummary[]>;
  /** Which credential source is (or would be) used, resolved as a request would; never a secret. */
  describeAuth(): Promise<Record<string, unknown>>;
}
