// Test support only: which modules a program loads, seen by a resolve hook in a fresh Node process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Runs `program` (ES module code) in a fresh Node process started in this package's folder, so
 * `@x/external-bearer` is the built package; returns every module URL it resolved and its stdout.
 */
export function modulesLoadedBy(program: string): { urls: string[]; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'external-bearer-load-'));
  try {
    const log = join(dir, 'modules.log');
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(log, '');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`,
    );
    const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
    const child = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', program], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 30_000,
    });
    if (child.status !== 0) throw new Error(`program failed (${child.status}): ${child.stderr}`);
    return { urls: readFileSync(log, 'utf8').split('\n').filter(Boolean), stdout: child.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
