#!/usr/bin/env node
// The release dry run: packs every publishable package exactly as `changeset publish` would
// (pnpm pack rewrites workspace: ranges), then checks each tarball with publint, with
// are-the-types-wrong (ESM-only profile), against the list of files a package may ship, and for the
// LICENSE file every tarball must carry.
// Prints one line per check and a closing `N passed, N failed`; exits 1 when any check fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiReports } from './api-report.mjs';

const require = createRequire(import.meta.url);

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const packagesDir = join(root, 'packages');
const outDir = mkdtempSync(join(tmpdir(), 'x-release-dry-run-'));
const results = [];

function check(name, fn) {
  try {
    fn();
    results.push({ name, ok: true });
    console.log(`  ok    ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  FAIL  ${name}\n${String(error instanceof Error ? error.message : error).replace(/^/gm, '        ')}`,
    );
  }
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${[command, ...args].join(' ')}\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

const dirs = readdirSync(packagesDir, { withFileTypes: true }).filter((d) => d.isDirectory());
// The same list .pnpmfile.cjs leaves out of packed manifests.
const privateNames = require('../.pnpmfile.cjs').privateWorkspacePackages();
try {
  for (const dir of dirs) {
    const pkgDir = join(packagesDir, dir.name);
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    console.log(manifest.name);
    let tarball;
    check(`${manifest.name}: packs`, () => {
      const before = new Set(readdirSync(outDir));
      run('pnpm', ['pack', '--pack-destination', outDir], pkgDir);
      const created = readdirSync(outDir).filter((f) => !before.has(f) && f.endsWith('.tgz'));
      if (created.length !== 1)
        throw new Error(`expected one tarball, found ${created.join(', ') || 'none'}`);
      tarball = join(outDir, created[0]);
    });
    if (!tarball) continue;
    check(`${manifest.name}: tarball ships dist with .js and .d.ts and nothing it should not`, () => {
      const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((f) => f.replace(/^package\//, ''));
      const problems = [];
      for (const required of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']) {
        if (!files.includes(required)) problems.push(`missing ${required}`);
      }
      for (const file of files) {
        const allowed =
          file === 'package.json' ||
          /^(README|LICENSE|CHANGELOG)(\.md)?$/i.test(file) ||
          file.startsWith('dist/') ||
          file.startsWith('schema/');
        if (!allowed) problems.push(`unexpected ${file}`);
        if (/\.test\.|\.spec\.|(^|\/)src\/|tsconfig|fixtures|\.vitest-report/.test(file))
          problems.push(`must not ship ${file}`);
      }
      const packed = JSON.parse(
        execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
      );
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        for (const [dep, range] of Object.entries(packed[field] ?? {})) {
          if (String(range).startsWith('workspace:')) problems.push(`${field}.${dep} still says ${range}`);
          // .pnpmfile.cjs leaves these out when packing: no registry holds them.
          if (privateNames.has(dep)) problems.push(`${field}.${dep} names a package that is never published`);
        }
      }
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    check(`${manifest.name}: tarball ships the LICENSE its package.json names`, () => {
      const license = spawnSync('tar', ['-xzOf', tarball, 'package/LICENSE'], { encoding: 'utf8' });
      if (license.status !== 0) throw new Error('missing LICENSE (put it next to package.json)');
      if (
        manifest.license !== 'Apache-2.0' ||
        !/Apache License\s+Version 2\.0, January 2004/.test(license.stdout)
      )
        throw new Error(`package.json says ${manifest.license}; LICENSE is not the Apache License 2.0 text`);
    });
    check(`${manifest.name}: publint`, () => {
      const out = run(bin('publint'), ['run', '--strict', tarball], root);
      if (/\b(error|warning|suggestion)s?\b/i.test(out) && !/All good/i.test(out)) throw new Error(out);
    });
    check(`${manifest.name}: are-the-types-wrong (esm-only)`, () => {
      run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped'], root);
    });
    for (const report of apiReports(pkgDir, manifest)) {
      check(report.label, () => {
        if (!report.ok) throw new Error(report.why);
      });
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`package checks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
