import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { modulesLoadedBy } from './modulesLoadedBy.js';

const dir = mkdtempSync(join(tmpdir(), 'test-kit-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'esm.mjs'), 'export const value = 1;\n');
writeFileSync(join(dir, 'cjs.cjs'), 'module.exports = 2;\n');
writeFileSync(join(dir, 'unused.mjs'), 'export const value = 3;\n');

describe('modulesLoadedBy', () => {
  it('sees the modules a program imports and requires, and only those', () => {
    const { urls, stdout } = modulesLoadedBy(
      `import { createRequire } from 'node:module';
import { value } from './esm.mjs';
const required = createRequire(import.meta.url)('./cjs.cjs');
console.log(value + required === 3 ? 'ok' : 'wrong', process.env.PROBE);`,
      { cwd: dir, env: { PROBE: 'seen' } },
    );
    expect(stdout.trim()).toBe('ok seen');
    expect(urls).toContain(pathToFileURL(join(dir, 'esm.mjs')).href);
    expect(urls).toContain(pathToFileURL(join(dir, 'cjs.cjs')).href);
    expect(urls).toContain('node:module');
    expect(urls.filter((url) => url.endsWith('/unused.mjs'))).toEqual([]);
  });

  it('passes on PATH and the given variables only', () => {
    process.env.TEST_KIT_NOT_PASSED = 'x';
    try {
      const { stdout } = modulesLoadedBy('console.log(JSON.stringify(Object.keys(process.env).sort()));', {
        cwd: dir,
      });
      expect(JSON.parse(stdout)).toEqual(['PATH']);
    } finally {
      delete process.env.TEST_KIT_NOT_PASSED;
    }
  });

  it('throws with the stderr of a program that fails', () => {
    expect(() =>
      modulesLoadedBy("console.error('broken on purpose'); process.exit(3);", { cwd: dir }),
    ).toThrow(/failed \(3\): broken on purpose/);
  });
});
