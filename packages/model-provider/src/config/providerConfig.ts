import type { StoreMode } from '@x/auth-store';
import type { BuiltInOverride, ModelProviderInfo } from './modelProviderInfo.js';

/**
 * A validated configuration, as {@link loadConfig} returns it.
 * @public
 */
export interface ProviderConfig {
  /** The file it was read from, if any. */
  file?: string | undefined;
  /** The active profile (`profile`, or the one the caller chose); its `model_provider` and `model` override the top level. */
  profile?: string | undefined;
  /** `model_provider`: the id to use when the caller names none (the active profile's, if it sets one). */
  modelProvider?: string | undefined;
  /** `model`: the model to use when the caller names none (the active profile's, if it sets one). */
  model?: string | undefined;
  /** `cli_auth_credentials_store`: where the auth manager keeps credentials (Codex's default is `file`). */
  cliAuthCredentialsStore?: StoreMode | undefined;
  /** `forced_login_method`: only API-key logins (`api`) or only ChatGPT logins (`chatgpt`) are accepted. */
  forcedLoginMethod?: 'chatgpt' | 'api' | undefined;
  /** `forced_chatgpt_workspace_id`: ChatGPT logins must belong to this workspace. */
  forcedChatgptWorkspaceId?: string | undefined;
  /** User-defined providers by id (built-in ids excluded). */
  modelProviders: Record<string, ModelProviderInfo>;
  /** Overrides for built-in Bedrock providers by id. */
  builtInOverrides: Record<string, BuiltInOverride>;
}
