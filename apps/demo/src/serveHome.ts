import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoError } from './demoError.js';
import { ExitCode } from './exitCode.js';

/** Files `serve` writes (config.toml) or replaces by logging in (auth.json). */
const SERVE_WRITES = ['config.toml', 'auth.json'] as const;

export interface ServeHome {
  home: string;
  /** True when `serve` made the folder itself; it is removed again on stop. */
  temporary: boolean;
  /** Files that existed and are being replaced (only with `--force`). */
  replaced: string[];
  /** Removes a temporary home; keeps a chosen one. */
  release(): Promise<void>;
}

/**
 * Where `serve` writes its config.toml and login. Without a chosen home (`--home` or `XDEMO_HOME`)
 * that is a fresh temporary folder, so the user's `~/.xdemo` is never touched. A chosen home that
 * already holds config.toml or auth.json is refused unless `force` is set.
 */
export async function prepareServeHome(chosen: string | undefined, force: boolean): Promise<ServeHome> {
  if (chosen === undefined) {
    const home = await mkdtemp(join(tmpdir(), 'xdemo-serve-'));
    return {
      home,
      temporary: true,
      replaced: [],
      release: () => rm(home, { recursive: true, force: true }),
    };
  }
  const existing: string[] = [];
  for (const name of SERVE_WRITES) {
    const exists = await access(join(chosen, name)).then(
      () => true,
      () => false,
    );
    if (exists) existing.push(name);
  }
  if (existing.length > 0 && !force) {
    throw new DemoError(
      'HOME_IN_USE',
      `${chosen} already has ${existing.join(' and ')}; serve would replace them. ` +
        'Pick a fresh --home, leave --home and XDEMO_HOME unset for a temporary one, or pass --force.',
      ExitCode.usage,
    );
  }
  return { home: chosen, temporary: false, replaced: existing, release: async () => {} };
}
