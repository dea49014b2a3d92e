import type { BuiltInOverride, ModelProviderInfo } from './modelProviderInfo.js';

/**
 * A validated configuration, as {@link loadConfig} returns it.
 * @public
 */
export interface ProviderConfig {
  /** The file it was read from, if any. */
  file?: string | undefined;
  /** `model_provider`: the id to use when the caller names none. */
  modelProvider?: string | undefined;
  model?: string | undefined;
  forcedLoginMethod?: 'chatgpt' | 'api' | undefined;
  forcedChatgptWorkspaceId?: string | undefined;
  /** User-defined providers by id (built-in ids excluded). */
  modelProviders: Record<string, ModelProviderInfo>;
  /** Overrides for built-in Bedrock providers by id. */
  builtInOverrides: Record<string, BuiltInOverride>;
}
