import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { CommandTokenError } from '../errors.js';

async function isExecutableFile(candidate: string): Promise<boolean> {
  try {
    const info = await stat(candidate);
    if (!info.isFile()) return false;
    if (process.platform !== 'win32') await access(candidate, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns the configured command into a path to execute, following Codex's rule:
 * an absolute path is used as is, a relative path containing a separator is joined to `cwd`, and a
 * bare name is looked up on PATH (the PATH of `childEnv` when it sets one). Resolving ourselves rather
 * than leaving it to the OS keeps "not found" distinct from other spawn failures.
 */
export async function resolveCommand(
  command: string,
  cwd: string,
  childEnv: Record<string, string>,
): Promise<string> {
  if (isAbsolute(command)) return command;
  const hasSeparator = command.includes('/') || (process.platform === 'win32' && command.includes('\\'));
  if (hasSeparator) return resolve(cwd, command);
  const searchPath = childEnv.PATH ?? process.env.PATH ?? '';
  const extensions =
    process.platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';')] : [''];
  for (const dir of searchPath.split(delimiter)) {
    if (dir === '') continue;
    for (const extension of extensions) {
      const candidate = join(isAbsolute(dir) ? dir : resolve(cwd, dir), command + extension);
      if (await isExecutableFile(candidate)) return candidate;
    }
  }
  throw new CommandTokenError(
    'COMMAND_NOT_FOUND',
    `provider auth command \`${command}\` failed to start: not found on PATH`,
  );
}
