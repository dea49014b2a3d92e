import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOOSE_UMASK, spawnWorker } from '../__testing__/children.js';
import { tempHome } from '../__testing__/tempHome.js';

/** Mode bits of every entry of `home` (and of `home` itself), by name. */
async function modes(home: string): Promise<Record<string, number>> {
  const out: Record<string, number> = { '.': (await stat(home)).mode & 0o777 };
  for (const name of await readdir(home)) out[name] = (await stat(join(home, name))).mode & 0o777;
  return out;
}

/** Runs one login in a child with umask 0 whose chmod does nothing: files keep their creation mode. */
async function looseLogin(home: string): Promise<string> {
  const child = spawnWorker(['login', home, 'sk-loose-umask-0123456789'], process.env, [
    '--import',
    LOOSE_UMASK,
  ]);
  expect(await child.exited).toBe(0);
  return child.stdout();
}

describe('file modes from the first byte', () => {
  it('a new home, auth.json and its temp file are private even with umask 0 and no chmod', async () => {
    const home = await tempHome();
    await looseLogin(home);
    expect(await modes(home)).toEqual({ '.': 0o700, 'auth.json': 0o600 });
  });

  it('the copy of a world-readable corrupt auth.json is created 0600, not tightened afterwards', async () => {
    const home = await tempHome();
    await mkdir(home, { mode: 0o700 });
    const path = join(home, 'auth.json');
    await writeFile(path, '{"OPENAI_API_KEY": "sk-corrupt-secret');
    await chmod(path, 0o644);
    expect(JSON.parse(await looseLogin(home))).toEqual({ warnings: ['AUTH_FILE_CORRUPT'] });
    const found = await modes(home);
    const copy = Object.keys(found).find((name) => name.startsWith('auth.json.corrupt-'));
    expect(copy).toBeDefined();
    expect(await readFile(join(home, copy as string), 'utf8')).toBe('{"OPENAI_API_KEY": "sk-corrupt-secret');
    expect(found).toEqual({ '.': 0o700, 'auth.json': 0o600, [copy as string]: 0o600 });
  });
});
