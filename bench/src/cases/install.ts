import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '../result.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Install targets of the issue: MB of node_modules for the package alone (with its siblings). */
const TARGET_MB: Record<string, number> = {
  '@x/aws-auth': 1,
  '@x/auth-store': 6,
  '@x/model-provider': 12,
};

interface Packed {
  name: string;
  tarball: string;
  internal: string[];
}

/** Packs every published package as `changeset publish` would (pnpm rewrites workspace: ranges). */
function packAll(into: string): Map<string, Packed> {
  const packed = new Map<string, Packed>();
  for (const dir of readdirSync(join(root, 'packages'))) {
    const pkgDir = join(root, 'packages', dir);
    const manifestPath = join(pkgDir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.private) continue;
    const before = new Set(readdirSync(into));
    const run = spawnSync(
      process.execPath,
      // with-pnpm runs the pinned pnpm from the root, so the package is named with -C.
      [join(root, 'scripts', 'with-pnpm.mjs'), '-C', pkgDir, 'pack', '--pack-destination', into],
      { encoding: 'utf8' },
    );
    const created = readdirSync(into).filter((f) => !before.has(f) && f.endsWith('.tgz'));
    if (run.status !== 0 || created.length !== 1) throw new Error(`pnpm pack failed in packages/${dir}`);
    const internal = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).filter((d) =>
      d.startsWith('@x/'),
    );
    packed.set(manifest.name, { name: manifest.name, tarball: join(into, created[0] as string), internal });
  }
  return packed;
}

/** The package and, transitively, the @x packages it depends on (they are not on any registry). */
function closure(name: string, packed: Map<string, Packed>, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of packed.get(name)?.internal ?? []) closure(dep, packed, seen);
  return seen;
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

interface Installed {
  mb: number;
  packages: string[];
}

/** Installs the tarballs with plain npm into an empty project; node_modules size and package list. */
function installAlone(tarballs: string[], dir: string): Installed {
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{ "name": "x-install-probe", "private": true }\n');
  const run = spawnSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-update-notifier',
      '--loglevel=error',
      // Where the registry cannot be reached, say so within minutes rather than retry for long.
      '--fetch-retries=1',
      '--fetch-timeout=60000',
      ...tarballs,
    ],
    { cwd: dir, encoding: 'utf8', timeout: 600_000 },
  );
  if (run.status !== 0) {
    const code =
      /npm error code (\S+)/.exec(run.stderr)?.[1] ?? (run.error ? 'timeout' : `exit ${run.status}`);
    throw new Error(`npm install failed (${code}); is the npm registry reachable?`);
  }
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8'));
  const packages = Object.keys(lock.packages ?? {}).map((path) => path.replace(/^.*node_modules\//, ''));
  return { mb: bytesUnder(join(dir, 'node_modules')) / 1e6, packages };
}

function unavailable(names: string[], reason: string): BenchResult[] {
  return names.flatMap((name) => [
    { name: `install-size ${name}`, unit: 'MB', ours: null, peers: {}, unavailable: reason },
    { name: `install-packages ${name}`, unit: 'packages', ours: null, peers: {}, unavailable: reason },
  ]);
}

/**
 * install: each published package installed alone, from its packed tarball (with the tarballs of
 * the @x packages it needs), into an empty project with npm. Third-party packages come from the npm
 * registry; where that fails every row is n/a with the reason. Lower is better in these rows.
 */
export function installCases(_quick: boolean): BenchResult[] {
  const work = mkdtempSync(join(tmpdir(), 'x-bench-install-'));
  try {
    mkdirSync(join(work, 'tarballs'));
    const packed = packAll(join(work, 'tarballs'));
    const names = ['@x/aws-auth', '@x/external-bearer', '@x/auth-store', '@x/model-provider'];
    const results: BenchResult[] = [];
    for (const [i, name] of names.entries()) {
      let installed: Installed;
      try {
        const tarballs = [...closure(name, packed)].map((n) => packed.get(n)?.tarball as string);
        installed = installAlone(tarballs, join(work, `project-${i}`));
      } catch (error) {
        return unavailable(names, (error as Error).message);
      }
      const aws = installed.packages.filter((p) => p.startsWith('@aws-sdk/')).length;
      const smithy = installed.packages.filter((p) => p.startsWith('@smithy/')).length;
      const ours = installed.packages.filter((p) => p.startsWith('@x/')).length;
      const target = TARGET_MB[name];
      const met =
        target !== undefined && installed.mb <= target && (name !== '@x/aws-auth' || aws + smithy === 0);
      results.push(
        {
          name: `install-size ${name}`,
          unit: 'MB',
          ours: installed.mb,
          peers: {},
          note: `lower is better${target === undefined ? '' : `; target <= ${target} MB${name === '@x/aws-auth' ? ' with no @aws-sdk/@smithy' : ''}: ${met ? 'met' : 'not met'}`}`,
        },
        {
          name: `install-packages ${name}`,
          unit: 'packages',
          ours: installed.packages.length,
          peers: {},
          note: `lower is better; ${ours} @x, ${aws} @aws-sdk, ${smithy} @smithy`,
        },
      );
    }
    return results;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
