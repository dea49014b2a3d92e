import type { AuthMethod } from '../auth/authMethod.js';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';
import type { ProviderClientOptions } from './clientOptions.js';

/**
 * One line of `registry.list()`: what a user needs to pick a provider. Never holds a secret.
 * @public
 */
export interface ProviderSummary {
  /** The id to pass to `registry.get`: the `[model_providers.<id>]` key or a built-in's. */
  id: string;
  /** The display name: the provider table's `name`. */
  name: string;
  /**
   * Where requests go, with any user name or password removed; a Bedrock provider's comes from its region.
   */
  baseUrl: string;
  /** How requests are authorized, as far as the configuration alone tells. */
  authMethod: AuthMethod;
  /** Whether the provider is one of `builtInProviders` (perhaps with config overrides). */
  builtIn: boolean;
}

/**
 * A model listed by a provider's `GET /models`.
 * @public
 */
export interface ModelSummary {
  /** The model id to send in requests (`gpt-5`, `openai.gpt-oss-120b`...). */
  id: string;
  /** The listing's `owned_by`; absent when the provider did not say. */
  ownedBy?: string | undefined;
}

/**
 * A provider ready to use: its resolved settings, a `fetch` that authorizes every attempt, helpers.
 * @public
 */
export interface ModelProvider {
  /** The id it was got by: its `[model_providers.<id>]` key or a built-in's (`openai`...). */
  id: string;
  /**
   * Its settings, frozen; `experimental_bearer_token` is readable but hidden from `inspect`, JSON and
   * spreads.
   */
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
