import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AuthManager, type AuthWarning, createAuthManager } from '@x/auth-store';
import {
  createProviderRegistry,
  loadConfig,
  openCodexHome,
  type ProviderConfig,
  type ProviderRegistry,
} from '@x/model-provider';
import { DemoError } from './demoError.js';
import { ExitCode } from './exitCode.js';
import { createWaitNotice, type WaitNotice } from './waitNotice.js';

export interface GlobalOptions {
  home?: string;
  /** `--codex-home [dir]`: the folder, or true when given without one ($CODEX_HOME, else ~/.codex). */
  codexHome?: string | true;
  verbose?: boolean;
  /** `--progress`: say on stderr when a request waits, even when stderr is not a terminal. */
  progress?: boolean;
}

export interface DemoContext {
  home: string;
  configFile: string;
  config: ProviderConfig;
  manager: AuthManager;
  registry: ProviderRegistry;
  /** Tells the user about waits of a second or more (retries, credentials) on stderr. */
  notice: WaitNotice;
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

/**
 * The Codex home `--codex-home` asked for: its folder, `null` for Codex's default (`$CODEX_HOME`,
 * else `~/.codex`), or undefined when the option was not given. With `--home` too, a usage error.
 */
export function codexHomeOption(options: GlobalOptions): string | null | undefined {
  if (options.codexHome === undefined) return undefined;
  if (options.home !== undefined)
    throw new DemoError('INVALID_USAGE', 'choose one of --home and --codex-home', ExitCode.usage);
  return options.codexHome === true || options.codexHome === '' ? null : resolve(options.codexHome);
}

/** On when stderr is a terminal or `--progress` asks for it; silent when piped. */
function waitNoticeFor(options: GlobalOptions): WaitNotice {
  const enabled = process.stderr.isTTY === true || options.progress === true;
  return createWaitNotice(enabled, (line) => process.stderr.write(line));
}

/** A Codex home opened as Codex reads it: config.toml with its profile, its credential store. */
async function openCodexHomeContext(
  dir: string | null,
  env: NodeJS.ProcessEnv,
  notice: WaitNotice,
): Promise<DemoContext> {
  const opened = await openCodexHome({
    ...(dir === null ? {} : { home: dir }),
    env,
    authOptions: { onWarning: printWarning },
    registryOptions: { fetch: notice.transport(globalThis.fetch), onRetry: notice.onRetry },
  });
  return {
    home: opened.home,
    configFile: join(opened.home, 'config.toml'),
    config: opened.config,
    manager: opened.authManager,
    registry: opened.registry,
    notice,
  };
}

/**
 * The home and auth manager for login, logout and status: the xdemo home, or with `--codex-home`
 * the Codex home's manager, whose store mode (`cli_auth_credentials_store`) and login restrictions
 * come from its config.toml.
 */
export async function openLogin(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ home: string; manager: AuthManager }> {
  const codex = codexHomeOption(options);
  if (codex !== undefined) {
    const { home, manager } = await openCodexHomeContext(codex, env, waitNoticeFor(options));
    return { home, manager };
  }
  const home = resolveHome(options, env);
  return { home, manager: openManager(home, env) };
}

/** The auth manager alone (login, logout, status need no provider config). */
export function openManager(home: string, env: NodeJS.ProcessEnv = process.env): AuthManager {
  return createAuthManager({ home, env, onWarning: printWarning });
}

/**
 * Everything a provider command needs: config.toml (optional), the auth manager and the registry;
 * with `--codex-home`, those of the Codex home (nothing is written there by these commands).
 */
export async function openContext(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DemoContext> {
  const codex = codexHomeOption(options);
  const notice = waitNoticeFor(options);
  if (codex !== undefined) return openCodexHomeContext(codex, env, notice);
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
  const registry = createProviderRegistry({
    config,
    authManager: manager,
    env,
    fetch: notice.transport(globalThis.fetch),
    onRetry: notice.onRetry,
  });
  return { home, configFile, config, manager, registry, notice };
}
