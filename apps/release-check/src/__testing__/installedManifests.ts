import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackageManifest } from './workspace.js';

/** Every package.json npm installed below `dir`/node_modules, with its path. */
export function installedManifests(dir: string): { path: string; manifest: PackageManifest }[] {
  const found: { path: string; manifest: PackageManifest }[] = [];
  const walk = (modules: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(modules);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) {
        walk(join(modules, entry));
        continue;
      }
      const pkgDir = join(modules, entry);
      const path = join(pkgDir, 'package.json');
      try {
        found.push({ path, manifest: JSON.parse(readFileSync(path, 'utf8')) as PackageManifest });
      } catch {
        continue;
      }
      walk(join(pkgDir, 'node_modules'));
    }
  };
  walk(join(dir, 'node_modules'));
  return found;
}
