import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ProviderConfigError } from '../errors.js';

/**
 * The Codex home: `home` when given, else `$CODEX_HOME`, else `~/.codex`. As in Codex, a
 * `CODEX_HOME` that does not name an existing folder is an error (a typo would otherwise start an
 * empty home and lose the user's login), and it is used in its canonical form; `~/.codex` and an
 * explicit `home` may not exist yet.
 */
export async function codexHomePath(
  home: string | undefined,
  env: Record<string, string | undefined>,
): Promise<string> {
  if (home !== undefined && home !== '') return resolve(home);
  const fromEnv = env.CODEX_HOME?.trim();
  if (!fromEnv) return join(env.HOME || homedir(), '.codex');
  const path = resolve(fromEnv);
  const invalid = (what: string, cause?: unknown): ProviderConfigError =>
    new ProviderConfigError('CODEX_HOME_INVALID', `CODEX_HOME points to ${path}, which ${what}`, {
      cause,
    });
  try {
    if (!(await stat(path)).isDirectory()) throw invalid('is not a folder');
    return await realpath(path);
  } catch (error) {
    if (error instanceof ProviderConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? invalid('does not exist') : invalid(`cannot be read (${code ?? 'error'})`);
  }
}
