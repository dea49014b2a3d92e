import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@x/test-kit';
import { expect } from 'vitest';

// This package's folder: a program run there imports `@x/model-provider` as the built package.
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The module URLs `program` loads in a fresh Node process started in this package's folder. The
 * program must print `ok` and nothing on stderr.
 */
export function modulesLoadedByOkProgram(program: string): string[] {
  const { urls, stdout, stderr } = modulesLoadedBy(program, { cwd: packageDir });
  expect(stderr).toBe('');
  expect(stdout.trim()).toBe('ok');
  return urls;
}
