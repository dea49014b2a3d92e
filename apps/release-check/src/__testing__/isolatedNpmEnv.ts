import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './workspace.js';

export interface IsolatedNpmEnv {
  env: NodeJS.ProcessEnv;
  home: string;
  userconfig: string;
  cache: string;
}

/**
 * An environment for npm, pnpm and changesets children that reads and writes only below `base`:
 * a temporary HOME (so `~/.npmrc`, `~/.cache`, `~/.local` are temporary), its own user and global
 * npmrc holding the registry and token, and its own npm cache. Every inherited npm or pnpm setting
 * (`npm_config_*`, which pnpm and turbo pass to scripts) is dropped first, so nothing of the
 * caller's npm setup leaks in and nothing is written to it. PATH starts with this Node.js and the
 * workspace's pinned pnpm.
 */
export function isolatedNpmEnv(base: string, registry: string, token: string): IsolatedNpmEnv {
  const home = join(base, 'home');
  const cache = join(base, 'npm-cache');
  const userconfig = join(home, '.npmrc');
  const globalconfig = join(base, 'global-npmrc');
  mkdirSync(home, { recursive: true });
  mkdirSync(cache, { recursive: true });
  const host = registry.replace(/^https?:/, '');
  writeFileSync(
    userconfig,
    [
      `registry=${registry}/`,
      `${host}/:_authToken=${token}`,
      'audit=false',
      'fund=false',
      'update-notifier=false',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  writeFileSync(globalconfig, '');

  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_/i.test(key) || /^XDG_/.test(key) || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  const path = [
    dirname(process.execPath),
    join(REPO_ROOT, '.tools', 'node_modules', '.bin'),
    join(REPO_ROOT, 'node_modules', '.bin'),
    process.env.PATH ?? '',
  ].join(process.platform === 'win32' ? ';' : ':');
  Object.assign(env, {
    PATH: path,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    npm_config_userconfig: userconfig,
    npm_config_globalconfig: globalconfig,
    npm_config_cache: cache,
    npm_config_registry: `${registry}/`,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    COREPACK_ENABLE_STRICT: '0',
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    CI: '1',
  });
  return { env, home, userconfig, cache };
}
