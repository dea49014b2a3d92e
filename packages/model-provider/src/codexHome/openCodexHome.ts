import { join } from 'node:path';
import type { AuthManager, AuthManagerOptions } from '@x/auth-store';
import type { ProviderConfig } from '../config/providerConfig.js';
import { ProviderConfigError } from '../errors.js';
import { loadConfig } from '../lazyConfig.js';
import { createProviderRegistry } from '../registry/createProviderRegistry.js';
import type { ProviderRegistry, ProviderRegistryOptions } from '../registry/providerRegistry.js';
import { codexHomePath } from './codexHomePath.js';

/**
 * Options of {@link openCodexHome}.
 * @public
 */
export interface OpenCodexHomeOptions {
  /** The Codex home folder. Default `$CODEX_HOME` (from `env`), else `~/.codex`. */
  home?: string | undefined;
  /** Environment to read (`CODEX_HOME`, `HOME`, provider keys, AWS settings). Default `process.env`. */
  env?: Record<string, string | undefined> | undefined;
  /** The profile to apply, instead of config.toml's `profile` key (as Codex's `--profile`). */
  profile?: string | undefined;
  /** More options for the auth manager; the store mode and login restrictions come from config.toml. */
  authOptions?: Omit<AuthManagerOptions, 'home' | 'env' | 'storeMode' | 'loginRestrictions'> | undefined;
  /** More options for the registry (transport, retry delay, compression). */
  registryOptions?: Omit<ProviderRegistryOptions, 'config' | 'authManager' | 'env'> | undefined;
}

/**
 * A Codex home opened as Codex would use it, as {@link openCodexHome} returns it.
 * @public
 */
export interface CodexHome {
  /** The home folder (canonical when it came from `CODEX_HOME`). */
  home: string;
  /** config.toml with the active profile applied (defaults when the file does not exist). */
  config: ProviderConfig;
  /** Credentials kept as `cli_auth_credentials_store` says, under the login restrictions. */
  authManager: AuthManager;
  /** The built-in providers and config.toml's `[model_providers]`, authorizing with `authManager`. */
  registry: ProviderRegistry;
  /** The provider to use: the active `model_provider`, else `openai`. */
  providerId: string;
  /** The active `model`; undefined when config.toml names none (Codex then picks its own default). */
  model: string | undefined;
}

/**
 * Opens a Codex home unchanged: reads `config.toml` (a missing file means defaults), applies the
 * active profile, and builds the auth manager from `cli_auth_credentials_store`,
 * `forced_login_method` and `forced_chatgpt_workspace_id` and the registry from `[model_providers]`.
 * The stored login is read once (so `registry.list()` shows a stored Bedrock key's region); a store
 * that cannot be read then fails the first request that needs it, with its own error.
 * @public
 */
export async function openCodexHome(options: OpenCodexHomeOptions = {}): Promise<CodexHome> {
  const env = options.env ?? process.env;
  const home = await codexHomePath(options.home, env);
  const config = await readConfig(join(home, 'config.toml'), options.profile);
  const restrictions = {
    forcedLoginMethod: config.forcedLoginMethod,
    forcedChatgptWorkspaceId: config.forcedChatgptWorkspaceId,
  };
  // Imported here, not with the package: a program that never opens a Codex home does not load it.
  const { createAuthManager } = await import('@x/auth-store');
  const authManager = createAuthManager({
    ...options.authOptions,
    home,
    env,
    storeMode: config.cliAuthCredentialsStore ?? 'file',
    loginRestrictions: restrictions,
  });
  await authManager.reload().catch(() => false);
  const registry = createProviderRegistry({ ...options.registryOptions, config, authManager, env });
  return {
    home,
    config,
    authManager,
    registry,
    providerId: registry.defaultProviderId(),
    model: config.model,
  };
}

/** config.toml of the home; a file that does not exist is the default configuration. */
async function readConfig(file: string, profile: string | undefined): Promise<ProviderConfig> {
  try {
    return await loadConfig({ file, profile });
  } catch (error) {
    const missing =
      error instanceof ProviderConfigError &&
      error.code === 'CONFIG_READ_FAILED' &&
      (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    if (!missing) throw error;
    return loadConfig({ profile });
  }
}
