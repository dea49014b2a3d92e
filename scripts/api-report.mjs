#!/usr/bin/env node
// Renders each published package's public API (its built .d.ts entry points) into a checked-in
// report, `packages/<name>/api/<entry>.api.md`, with API Extractor. Any change to what a package
// exports shows up in review as a diff of that file.
//   node scripts/api-report.mjs           check: fail when a report is missing or out of date
//   node scripts/api-report.mjs --update  write the reports anew
// The packages must be built first. Prints one line per report; exits 1 when any check fails.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const packagesDir = join(root, 'packages');

/** Every `exports` entry with types, as [report name, .d.ts path]. */
function entryPoints(pkgDir, manifest) {
  return Object.entries(manifest.exports ?? {})
    .filter(([, target]) => typeof target === 'object' && target.types)
    .map(([subpath, target]) => [
      subpath === '.' ? 'index' : subpath.replace(/^\.\//, ''),
      join(pkgDir, target.types),
    ]);
}

function extract(pkgDir, reportName, dtsPath, update) {
  const config = ExtractorConfig.prepare({
    configObjectFullPath: join(pkgDir, 'api-extractor.json'),
    packageJsonFullPath: join(pkgDir, 'package.json'),
    configObject: {
      projectFolder: pkgDir,
      mainEntryPointFilePath: dtsPath,
      compiler: {
        overrideTsconfig: {
          compilerOptions: { lib: ['es2023', 'dom'], types: ['node'], skipLibCheck: true },
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${reportName}.api.md`,
        reportFolder: join(pkgDir, 'api'),
        reportTempFolder: join(pkgDir, 'node_modules', '.api-report'),
      },
      newlineKind: 'lf',
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: {
          default: { logLevel: 'none' },
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
        },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
  });
  const problems = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback(message) {
      if (message.logLevel === 'error' || message.logLevel === 'warning') problems.push(message.text);
      message.handled = true;
    },
  });
  return { result, problems };
}

/**
 * Checks (or, with `update`, rewrites) the API reports of one package. Returns one result per
 * entry point: `{ label, ok, why }`.
 */
export function apiReports(pkgDir, manifest, update = false) {
  mkdirSync(join(pkgDir, 'api'), { recursive: true });
  return entryPoints(pkgDir, manifest).map(([reportName, dtsPath]) => {
    const label = `${manifest.name}: API report api/${reportName}.api.md`;
    if (!existsSync(dtsPath))
      return { label, ok: false, why: `${dtsPath} is missing: build the package first` };
    const { result, problems } = extract(pkgDir, reportName, dtsPath, update);
    if (result.apiReportChanged && !update)
      return {
        label,
        ok: false,
        why: 'the public API differs from the checked-in report: review the change, then run `node scripts/api-report.mjs --update`',
      };
    if (!result.succeeded && problems.length > 0) return { label, ok: false, why: problems.join('\n') };
    return { label: `${label}${update && result.apiReportChanged ? ' (updated)' : ''}`, ok: true };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  let failed = 0;
  for (const dir of readdirSync(packagesDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const pkgDir = join(packagesDir, dir.name);
    const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    for (const { label, ok, why } of apiReports(pkgDir, manifest, update)) {
      if (!ok) failed++;
      console.log(ok ? `  ok    ${label}` : `  FAIL  ${label}\n        ${why.replace(/\n/g, '\n        ')}`);
    }
  }
  process.exit(failed > 0 ? 1 : 0);
}
