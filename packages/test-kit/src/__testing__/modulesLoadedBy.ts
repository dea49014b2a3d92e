// Which modules a program loads, seen from inside a fresh Node process: a resolve hook logs every
// ES module it resolves, and at exit the CommonJS cache adds the modules loaded with require().
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ModulesLoadedByOptions {
  /** The folder the program runs in: bare imports such as `@x/auth-store` resolve from there. */
  cwd: string;
  /** Variables the program sees besides `PATH` (nothing else is passed on). */
  env?: Record<string, string>;
}

export interface LoadedModules {
  /** Every module URL the program resolved or required, in order (`node:` built-ins included). */
  urls: string[];
  stdout: string;
  stderr: string;
  /** Always 0: a program that fails or hangs throws instead. */
  status: number | null;
}

const hooks = (log: string): string => `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`;

// Registers the hooks, and at exit logs what require() loaded (the resolve hook does not see it).
const preload = (log: string, hooksFile: string): string => `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
register(${JSON.stringify(pathToFileURL(hooksFile).href)});
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const urls = Object.keys(cache).map((path) => pathToFileURL(path).href);
  appendFileSync(${JSON.stringify(log)}, urls.map((url) => url + '\\n').join(''));
});
`;

/**
 * Runs `program` (ES module code) in a fresh Node process and returns every module it loaded and
 * its output. Throws, with the program's stderr, when it exits with another status than 0 or runs
 * for more than 30 seconds.
 */
export function modulesLoadedBy(program: string, options: ModulesLoadedByOptions): LoadedModules {
  const dir = mkdtempSync(join(tmpdir(), 'test-kit-load-'));
  try {
    const log = join(dir, 'modules.log');
    const hooksFile = join(dir, 'hooks.mjs');
    const preloadFile = join(dir, 'preload.mjs');
    writeFileSync(log, '');
    writeFileSync(hooksFile, hooks(log));
    writeFileSync(preloadFile, preload(log, hooksFile));
    const child = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(preloadFile).href, '--input-type=module', '-e', program],
      {
        cwd: options.cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...options.env },
        timeout: 30_000,
      },
    );
    if (child.error) throw new Error(`the program did not run to its end (${child.error.message})`);
    if (child.status !== 0) throw new Error(`the program failed (${child.status}): ${child.stderr}`);
    const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return { urls, stdout: child.stdout, stderr: child.stderr, status: child.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
