import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readManifest } from './workspace.js';

export interface InstalledPackage {
  name: string;
  version: string;
  /** The real folder the workspace installed it in. */
  dir: string;
}

function resolveFrom(fromDir: string, name: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Every third-party package a user's `npm install` of `packageDirs` needs, taken from the workspace's
 * own install (the versions pnpm resolved, in the folders it installed): dependencies, optional
 * dependencies and peers, transitively, leaving out `ownNames` (published by the release itself).
 * Optional dependencies built for other platforms are absent from the install and so absent here.
 */
export function thirdPartyClosure(packageDirs: string[], ownNames: Set<string>): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const visit = (dir: string): void => {
    const manifest = readManifest(dir);
    const names = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    for (const name of names) {
      if (ownNames.has(name)) continue;
      const depDir = resolveFrom(dir, name);
      if (depDir === undefined) {
        const optional =
          name in (manifest.optionalDependencies ?? {}) ||
          manifest.peerDependenciesMeta?.[name]?.optional === true;
        if (optional) continue;
        throw new Error(`${manifest.name} needs ${name}, which the workspace has not installed`);
      }
      const depManifest = readManifest(depDir);
      const key = `${depManifest.name}@${depManifest.version}`;
      if (found.has(key)) continue;
      found.set(key, { name: depManifest.name, version: depManifest.version, dir: depDir });
      visit(depDir);
    }
  };
  for (const dir of packageDirs) visit(dir);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
