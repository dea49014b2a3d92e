// Reads the AWS shared config and credentials files (INI) synchronously: only the profile names and
// plain settings such as `region` are needed here; credentials in them are resolved by the AWS SDK's
// chain, which reads the files with its own loader. This small reader stays (rather than the SDK's
// @smithy/shared-ini-file-loader) because resolveRegion is synchronous and must find a profile's
// region for users who sign with static or environment keys and so have no AWS SDK installed; the
// SDK's loader is asynchronous and would make that path depend on an optional package.

import type { Env } from '../env.js';
import { envValue } from '../env.js';

type Fs = { readFileSync(path: string, encoding: 'utf8'): string };
type Os = { homedir(): string };

function builtin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.(id) as T | undefined;
}

export type IniSections = Record<string, Record<string, string>>;

/** Section name -> key -> value. `[profile x]` in the config file is reported as `x`. */
export function parseIni(text: string, isConfigFile: boolean): IniSections {
  const sections: IniSections = Object.create(null);
  let current: Record<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header?.[1] !== undefined) {
      let name = header[1].trim();
      if (isConfigFile && name.startsWith('profile ')) name = name.slice('profile '.length).trim();
      else if (isConfigFile && name !== 'default') {
        current = undefined; // sso-session, services and other non-profile sections
        continue;
      }
      current = sections[name] ?? Object.create(null);
      sections[name] = current as Record<string, string>;
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq <= 0 || /^\s/.test(rawLine)) continue;
    current[line.slice(0, eq).trim().toLowerCase()] = line.slice(eq + 1).trim();
  }
  return sections;
}

export interface SharedConfigPaths {
  credentialsFile: string;
  configFile: string;
}

/** Paths from `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`, else `~/.aws/credentials|config`. */
export function sharedConfigPaths(env: Env): SharedConfigPaths {
  const home =
    envValue(env, 'HOME') ?? envValue(env, 'USERPROFILE') ?? builtin<Os>('node:os')?.homedir() ?? '';
  const expand = (path: string): string => (path.startsWith('~/') ? `${home}${path.slice(1)}` : path);
  return {
    credentialsFile: expand(envValue(env, 'AWS_SHARED_CREDENTIALS_FILE') ?? '~/.aws/credentials'),
    configFile: expand(envValue(env, 'AWS_CONFIG_FILE') ?? '~/.aws/config'),
  };
}

function readSections(path: string, isConfigFile: boolean): IniSections {
  const fs = builtin<Fs>('node:fs');
  if (!fs) return {};
  try {
    return parseIni(fs.readFileSync(path, 'utf8'), isConfigFile);
  } catch {
    return {}; // a missing or unreadable file simply contributes no profiles
  }
}

/** The profile's settings merged from both files (credentials file wins), or undefined if absent. */
export function readProfile(env: Env, profile: string): Record<string, string> | undefined {
  const paths = sharedConfigPaths(env);
  const config = readSections(paths.configFile, true)[profile];
  const credentials = readSections(paths.credentialsFile, false)[profile];
  if (!config && !credentials) return undefined;
  return { ...config, ...credentials };
}

/** `AWS_PROFILE`, else `default`. */
export function profileName(env: Env, explicit?: string): string {
  return explicit ?? envValue(env, 'AWS_PROFILE') ?? 'default';
}
