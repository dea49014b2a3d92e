#!/usr/bin/env node
// Runs the pinned pnpm (from package.json's packageManager) without assuming it is installed:
// on first use it is installed with npm into .tools/, which is git-ignored. The .tools/ bin folder is
// put first on PATH so that turbo, which spawns tasks through pnpm, finds the same pnpm.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const [manager, version] = String(manifest.packageManager).split('@');
if (manager !== 'pnpm' || !version) {
  console.error('package.json: packageManager must be "pnpm@<version>"');
  process.exit(2);
}

const toolsDir = join(root, '.tools');
const binDir = join(toolsDir, 'node_modules', '.bin');
const installedManifest = join(toolsDir, 'node_modules', 'pnpm', 'package.json');
const installedVersion = existsSync(installedManifest)
  ? JSON.parse(readFileSync(installedManifest, 'utf8')).version
  : undefined;

if (installedVersion !== version) {
  console.error(`Installing pnpm ${version} into .tools/ ...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      toolsDir,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `pnpm@${version}`,
    ],
    { stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const sep = process.platform === 'win32' ? ';' : ':';
const env = {
  ...process.env,
  PATH: `${binDir}${sep}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  COREPACK_ENABLE_STRICT: '0',
};
const result = spawnSync(
  join(binDir, process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm'),
  process.argv.slice(2),
  {
    stdio: 'inherit',
    env,
    cwd: root,
    shell: process.platform === 'win32',
  },
);
process.exit(result.status ?? 1);
