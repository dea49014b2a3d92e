import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecked } from './runCommand.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), 'examples');

/**
 * A fresh project in `dir` with nothing but `npm install <name>` from `registry` (plain npm, the
 * environment's own cache and npmrc) and the package's example script copied in as `example.mjs`.
 */
export async function installAlone(
  name: string,
  options: { dir: string; registry: string; env: NodeJS.ProcessEnv; example: string },
): Promise<void> {
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(
    join(options.dir, 'package.json'),
    `${JSON.stringify({ name: 'release-check-user', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  copyFileSync(join(EXAMPLES, options.example), join(options.dir, 'example.mjs'));
  await runChecked(
    'npm',
    ['install', name, '--registry', `${options.registry}/`, '--no-audit', '--no-fund'],
    {
      cwd: options.dir,
      env: options.env,
      hangLimitMs: 600_000,
    },
  );
}

export function exampleFor(folder: string): string | undefined {
  return readdirSync(EXAMPLES).find((file) => file === `${folder}.mjs`);
}
