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
  return Promise.all(
    composedPackages.map(async (name) => {
      const manifest = JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as {
        name: string;
        version: string;
      };
      return { name: manifest.name, version: manifest.version };
    }),
  );
}
