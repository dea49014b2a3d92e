#!/usr/bin/env node
// What `npm test` runs once the workspace is installed: build, typecheck, lint and every package's
// tests through turbo, then the release dry run (scripts/check-packages.mjs). It closes with one line
// `N passed, N failed` summed over every package's vitest report and every package check.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const workspaceDirs = ['packages', 'apps']
  .flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(root, group, d.name))
      : [],
  )
  .concat(join(root, 'bench'))
  .filter((dir) => existsSync(join(dir, 'package.json')));

// A report left by an earlier run must not be counted again.
for (const dir of workspaceDirs) rmSync(join(dir, '.vitest-report.json'), { force: true });

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
// The keyring tests start a real Secret Service; install its programs where we can (Debian, as root).
spawnSync('bash', [join(root, 'scripts', 'ensure-keyring-deps.sh')], { cwd: root, stdio: 'inherit', env });
// The browser test of @x/aws-auth drives Debian's Chromium; install it the same way (it skips without).
spawnSync('bash', [join(root, 'scripts', 'ensure-browser-deps.sh')], { cwd: root, stdio: 'inherit', env });
const turbo = spawnSync(
  join(root, 'node_modules', '.bin', 'turbo'),
  ['run', 'build', 'typecheck', 'lint', 'test', '--continue', '--output-logs=new-only'],
  { cwd: root, stdio: 'inherit', env },
);
// Root-level files (these scripts, the configs) are linted here; each package lints its own folder.
const rootLint = spawnSync(
  join(root, 'node_modules', '.bin', 'biome'),
  [
    'check',
    'scripts',
    '.changeset/config.json',
    'package.json',
    'biome.json',
    'turbo.json',
    'tsconfig.base.json',
    'tsdown.shared.ts',
    '.pnpmfile.cjs',
    'README.md',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env,
  },
);
const checks = spawnSync(process.execPath, [join(root, 'scripts', 'check-packages.mjs')], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env,
  encoding: 'utf8',
});
process.stdout.write(checks.stdout.replace(/^package checks: .*$/m, ''));

let passed = 0;
let failed = 0;
const rows = [];
for (const dir of workspaceDirs) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const reportPath = join(dir, '.vitest-report.json');
  if (!manifest.scripts?.test) continue;
  if (!existsSync(reportPath)) {
    rows.push(`${manifest.name}: no test report (its tests did not run)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  rows.push(`${manifest.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
const checkLine = /package checks: (\d+) passed, (\d+) failed/.exec(checks.stdout);
passed += Number(checkLine?.[1] ?? 0);
failed += Number(checkLine?.[2] ?? 1);
rows.push(`release dry run: ${checkLine?.[1] ?? 0} passed, ${checkLine?.[2] ?? 'all'} failed`);
if ((turbo.status !== 0 || rootLint.status !== 0) && failed === 0) {
  rows.push('build, typecheck or lint failed (see above)');
  failed += 1;
}

console.log('\nSummary');
for (const row of rows) console.log(`  ${row}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(turbo.status === 0 && rootLint.status === 0 && checks.status === 0 && failed === 0 ? 0 : 1);
