import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './tempDir.js';

// The second test reads what the first left behind: vitest runs a file's tests in order.
const made: string[] = [];

describe('tempDir', () => {
  it('makes a fresh empty folder with the prefix', async () => {
    const dir = await tempDir('test-kit-temp-');
    made.push(dir);
    await writeFile(join(dir, 'file'), 'x');
    expect(dir).toContain('test-kit-temp-');
    expect(existsSync(join(dir, 'file'))).toBe(true);
  });

  it('removed the folder, and what was in it, when the test that made it finished', () => {
    expect(made).toHaveLength(1);
    expect(existsSync(made[0] ?? '')).toBe(false);
  });
});
