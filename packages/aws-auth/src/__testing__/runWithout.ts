// Test support only: runs a program against the built package in a fresh Node process in which the
// named packages cannot be resolved, as in a project that never installed them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = pathToFileURL(fileURLToPath(new URL('../../dist/index.js', import.meta.url))).href;

// A resolve hook that fails for the blocked packages the way Node fails for a missing one, whether
// asked for by name or through an alias of package.json's \`imports\` (checked on where it resolves).
const hook = (blocked: string[]): string => `
const blocked = ${JSON.stringify(blocked)};
const missing = (what) => {
  const error = new Error("Cannot find package '" + what + "'");
  error.code = 'ERR_MODULE_NOT_FOUND';
  return error;
};
export async function resolve(specifier, context, next) {
  if (blocked.some((name) => specifier === name || specifier.startsWith(name + '/'))) throw missing(specifier);
  const result = await next(specifier, context);
  if (blocked.some((name) => result.url.includes('/node_modules/' + name + '/'))) throw missing(specifier);
  return result;
}`;

/**
 * Runs `body` (ES module code with `pkg`, the built main entry, in scope) with `blocked` packages
 * unresolvable; `prelude` runs before the package is imported; `env` is the whole environment.
 * Returns the process's status and output.
 */
export function runWithout(
  blocked: string[],
  body: string,
  options: { env?: Record<string, string>; prelude?: string } = {},
): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aws-auth-without-'));
  try {
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(hooks, hook(blocked));
    const script = join(dir, 'main.mjs');
    writeFileSync(
      script,
      `${options.prelude ?? ''}\nconst pkg = await import(${JSON.stringify(dist)});\n${body}\n`,
    );
    const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
    const child = spawnSync(process.execPath, ['--import', register, script], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, AWS_EC2_METADATA_DISABLED: 'true', ...options.env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { status: child.status, stdout: child.stdout, stderr: child.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
