import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { composedPackages, readPackageVersions } from './packageVersions.js';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('readPackageVersions', () => {
  it('reads every composed package from its workspace manifest', async () => {
    const versions = await readPackageVersions();
    expect(versions.map((v) => v.name)).toEqual([...composedPackages]);
    for (const { name, version } of versions) {
      const dir = name.replace('@x/', '');
      const manifest = JSON.parse(
        await readFile(join(appDir, '../../packages', dir, 'package.json'), 'utf8'),
      );
      expect(version).toBe(manifest.version);
    }
  });

  it('is what `xdemo versions` prints', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(appDir, 'dist/cli.js'), 'versions']);
    for (const name of composedPackages) expect(stdout).toMatch(new RegExp(`${name}\\s+\\d+\\.\\d+\\.\\d+`));
  });
});
