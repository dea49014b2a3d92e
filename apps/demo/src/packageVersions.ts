import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The four published packages the demo composes. */
export const composedPackages = [
  '@x/aws-auth',
  '@x/external-bearer',
  '@x/auth-store',
  '@x/model-provider',
] as const;

export interface PackageVersion {
  name: string;
  version: string;
}

/** Reads the name and version of each composed package from the manifest that Node resolves. */
export async function readPackageVersions(from: string = import.meta.url): Promise<PackageVersion[]> {
  const require = createRequire(from);
  return Promise.all(composedPackages.map((name) => readManifest(require.resolve(`${name}/package.json`))));
}

/** The demo's own name and version (`@x/demo`), from its manifest one folder above `src/` or `dist/`. */
export function readDemoVersion(): Promise<PackageVersion> {
  return readManifest(new URL('../package.json', import.meta.url));
}

/** What `--version` prints: the demo's version, then each composed package's. */
export function versionLine(demo: PackageVersion, packages: readonly PackageVersion[]): string {
  return `xdemo ${demo.version} (${packages.map((p) => `${p.name} ${p.version}`).join(', ')})`;
}

async function readManifest(path: string | URL): Promise<PackageVersion> {
  const { name, version } = JSON.parse(await readFile(path, 'utf8')) as PackageVersion;
  return { name, version };
}
