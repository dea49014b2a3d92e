import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { tempDir } from './tempDir.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Runs `program` in a fresh Node process (from this package's folder, so it imports the built
 * package) with a resolve hook that logs every module URL it loads; returns those URLs. The program
 * must print `ok` and nothing on stderr.
 */
export async function modulesLoadedBy(program: string, env: Record<string, string> = {}): Promise<string[]> {
  const dir = await tempDir();
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
  const result = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', program], {
    cwd: packageDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe('ok');
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/** An `@aws-sdk/*` or `@smithy/*` module. */
export const isAwsSdkModule = (url: string): boolean => /[/+]@(aws-sdk|smithy)[/+]/.test(url);

/** @x/aws-auth's main entry (the signer), as opposed to its light `endpoints` subpath. */
export const isSignerModule = (url: string): boolean => /aws-auth\/dist\/index\.js$/.test(url);
