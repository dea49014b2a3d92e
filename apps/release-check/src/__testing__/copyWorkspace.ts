import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { packagesUnder, publishablePackages, REPO_ROOT } from './workspace.js';

const LEFT_OUT = new Set(['node_modules', '.git', '.turbo', '.tools', 'coverage', '.vitest-report.json']);

/**
 * Copies the workspace as it is on disk (sources, built dist/ folders, pending changesets) to `dest`,
 * without installs, caches or git data, so that versioning and publishing never touch the real tree.
 * The links pnpm makes between workspace packages are made again inside the copy (pnpm publish reads
 * the linked package's version to replace a `workspace:` range, in devDependencies too, so a private
 * package such as @x/test-kit is linked as well); nothing else is installed there.
 */
export function copyWorkspace(dest: string, root: string = REPO_ROOT): void {
  cpSync(root, dest, {
    recursive: true,
    filter: (source) => source === root || !LEFT_OUT.has(basename(source)),
  });
  const packages = publishablePackages(dest);
  const byName = new Map(packagesUnder(dest).map((pkg) => [pkg.manifest.name, pkg.dir]));
  for (const pkg of packages) {
    const ranges = {
      ...pkg.manifest.dependencies,
      ...pkg.manifest.devDependencies,
      ...pkg.manifest.peerDependencies,
      ...pkg.manifest.optionalDependencies,
    };
    for (const [name, range] of Object.entries(ranges)) {
      const target = byName.get(name);
      if (!range.startsWith('workspace:') || target === undefined) continue;
      const link = join(pkg.dir, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), target), link, 'dir');
    }
  }
}
