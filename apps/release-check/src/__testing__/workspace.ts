import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in apps/release-check/src/__testing__. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

export interface WorkspacePackage {
  /** Folder name under packages/, e.g. `aws-auth`. */
  folder: string;
  dir: string;
  manifest: PackageManifest;
}

export function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest;
}

/** Every package under `root`/packages, private ones (such as the shared test helpers) included. */
export function packagesUnder(root: string = REPO_ROOT): WorkspacePackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(packagesDir, entry.name);
      return { folder: entry.name, dir, manifest: readManifest(dir) };
    })
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** The packages that `changeset publish` would publish: every non-private package under `root`/packages. */
export function publishablePackages(root: string = REPO_ROOT): WorkspacePackage[] {
  return packagesUnder(root).filter((pkg) => pkg.manifest.private !== true);
}
