import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { publishTarball } from './publishTarball.js';
import { runChecked } from './runCommand.js';
import type { InstalledPackage } from './thirdPartyClosure.js';
import { readManifest } from './workspace.js';

interface PackJson {
  id: string;
  filename: string;
  integrity: string;
  shasum: string;
}

/**
 * Puts the given third-party packages on the local registry, so that installing our packages from it
 * needs no network. Each installed folder is copied out of the workspace's node_modules (npm will
 * not pack a folder inside pnpm's store), packed by one `npm pack` run, and published.
 */
export async function mirrorThirdParty(
  packages: InstalledPackage[],
  options: { workDir: string; registry: string; token: string; env: NodeJS.ProcessEnv },
): Promise<void> {
  const stage = join(options.workDir, 'stage');
  const tarballs = join(options.workDir, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  const dirs = packages.map((pkg, index) => {
    const dir = join(stage, String(index));
    cpSync(pkg.dir, dir, { recursive: true, dereference: true });
    return dir;
  });
  const { stdout } = await runChecked(
    'npm',
    ['pack', ...dirs, '--pack-destination', tarballs, '--ignore-scripts', '--json', '--loglevel=error'],
    { cwd: options.workDir, env: options.env, hangLimitMs: 300_000 },
  );
  const packed = new Map((JSON.parse(stdout) as PackJson[]).map((result) => [result.id, result]));
  for (const dir of dirs) {
    const manifest = readManifest(dir);
    const result = packed.get(`${manifest.name}@${manifest.version}`);
    if (result === undefined)
      throw new Error(`npm pack made no tarball for ${manifest.name}@${manifest.version}`);
    await publishTarball(options.registry, options.token, {
      manifest,
      file: join(tarballs, result.filename),
      integrity: result.integrity,
      shasum: result.shasum,
    });
  }
}
