// Importing the package must not load execa (it costs more than the rest of the package); the first
// command run does. Runs the built package (dist/, built before tests by turbo) in a fresh process.
import { fileURLToPath } from 'node:url';
import { modulesLoadedBy } from '@x/test-kit';
import { describe, expect, it } from 'vitest';

// The package folder: there `@x/external-bearer` resolves to the built package.
const cwd = fileURLToPath(new URL('../..', import.meta.url));

const isExeca = (url: string): boolean => /\/execa\//.test(url);

describe('execa is loaded at the first command run, not at import', () => {
  it('importing the package and creating a source loads no execa module', () => {
    const { urls } = modulesLoadedBy(
      `
import { createCommandTokenSource } from '@x/external-bearer';
createCommandTokenSource({ command: process.execPath, args: ['-e', 'console.log("t")'] });
`,
      { cwd },
    );
    expect(urls.some((url) => url.includes('/external-bearer/dist/'))).toBe(true);
    expect(urls.filter(isExeca)).toEqual([]);
  });

  it('control: the first token run loads execa and gets the token', () => {
    const { urls, stdout } = modulesLoadedBy(
      `
import { createCommandTokenSource } from '@x/external-bearer';
const source = createCommandTokenSource({ command: process.execPath, args: ['-e', 'console.log("tok-123")'] });
console.log((await source.getToken()) === 'tok-123' ? 'ok' : 'wrong token');
`,
      { cwd },
    );
    expect(stdout.trim()).toBe('ok');
    expect(urls.filter(isExeca).length).toBeGreaterThan(0);
  });
});
