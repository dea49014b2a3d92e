import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AuthManager, type AuthWarning, createAuthManager } from '@x/auth-store';
import {
  createProviderRegistry,
  loadConfig,
  type ProviderConfig,
  type ProviderRegistry,
} from '@x/model-provider';

export interface GlobalOptions {
  home?: string;
  verbose?: boolean;
}

export interface DemoContext {
  home: string;
  configFile: string;
  config: ProviderConfig;
  manager: AuthManager;
  registry: ProviderRegistry;
}

/** `--home`, else `XDEMO_HOME`, else `~/.xdemo`. */
export function resolveHome(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string {
  return chosenHome(options, env) ?? resolve(join(homedir(), '.xdemo'));
}

/** The home the user chose (`--home`, else `XDEMO_HOME`), or undefined when only the default applies. */
export function chosenHome(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = options.home ?? env.XDEMO_HOME;
  return chosen ? resolve(chosen) : undefined;
}

/** Every warning of the credential store reaches the user, on stderr (never a secret: the store names files only). */
function printWarning(warning: AuthWarning): void {
  process.stderr.write(`xdemo: warning: ${warning.message}\n`);
}

/** The auth manager alone (login, logout, status need no provider config). */
export function openManager(home: string, env: NodeJS.ProcessEnv = process.env): AuthManager {
  return createAuthManager({ home, env, onWarning: printWarning });
}

/** Everything a provider command needs: config.toml (optional), the auth manager and the registry. */
export async function openContext(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DemoContext> {
  const home = resolveHome(options, env);
  const configFile = join(home, 'config.toml');
  const config = await loadConfig({ file: configFile }).catch(async (error: unknown) => {
    if (
      (error as { code?: unknown }).code === 'CONFIG_READ_FAILED' &&
      (error as { cause?: { code?: unknown } }).cause?.code === 'ENOENT'
    ) {
      return loadConfig({});
    }
    throw error;
  });
  const manager = createAuthManager({
    home,
    env,
    onWarning: printWarning,
    ...(config.forcedLoginMethod || config.forcedChatgptWorkspaceId
      ? {
          loginRestrictions: {
            ...(config.forcedLoginMethod ? { forcedLoginMethod: config.forcedLoginMethod } : {}),
            ...(config.forcedChatgptWorkspaceId
              ? { forcedChatgptWorkspaceId: config.forcedChatgptWorkspaceId }
              : {}),
          },
        }
      : {}),
  });
  const registry = createProviderRegistry({ config, authManager: manager, env });
  return { home, configFile, config, manager, registry };
}
