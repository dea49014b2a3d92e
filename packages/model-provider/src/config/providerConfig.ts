import type { BuiltInOverride } from './builtInOverrideSchema.js';
import type { ModelProviderInfo } from './providerInfoSchema.js';

/** A validated configuration, as {@link loadConfig} returns it. */
export interface ProviderConfig {
  /** The file it was read from, if any. */
  file?: string;
  /** `model_provider`: the id to use when the caller names none. */
  modelProvider?: string;
  model?: string;
  forcedLoginMethod?: 'chatgpt' | 'api';
  forcedChatgptWorkspaceId?: string;
  /** User-defined providers by id (built-in ids excluded). */
  modelProviders: Record<string, ModelProviderInfo>;
  /** Overrides for built-in Bedrock providers by id. */
  builtInOverrides: Record<string, BuiltInOverride>;
}
