#!/usr/bin/env node
// Renders each published package's public API (its built .d.ts entry points) into a checked-in
// report, `packages/<name>/api/<entry>.api.md`, with API Extractor. Any change to what a package
// exports shows up in review as a diff of that file. Every public declaration must carry a TSDoc
// comment: a report with an "(undocumented)" marker fails, naming each declaration, in both modes.
//   node scripts/api-report.mjs           check: fail when a report is missing, out of date or
//                                          has an undocumented declaration
//   node scripts/api-report.mjs --update  write the reports anew (still fails on undocumented ones)
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

const declaration =
  /^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|let|enum|namespace) ([\w$]+)/;
const member =
  /^\s+(?:(?:readonly|static|protected|abstract|get|set) )*(\[[^\]]+\]|'[^']*'|"[^"]*"|[\w$]+|\()/;

/**
 * The declarations an API report marks "(undocumented)", as `Name` or `Container.member` (a call
 * signature is `Container()`). API Extractor writes the marker on the line before the declaration.
 */
export function undocumentedIn(reportText) {
  const names = [];
  let container = '';
  let marked = false;
  for (const line of reportText.split('\n')) {
    const top = declaration.exec(line);
    if (top) container = top[1];
    if (/^\s*\/\/.*\(undocumented\)$/.test(line)) {
      marked = true;
      continue;
    }
    if (!marked || /^\s*\/\//.test(line)) continue;
    marked = false;
    if (top) names.push(top[1]);
    else {
      const name = member.exec(line)?.[1];
      names.push(`${container}${name === '(' ? '()' : `.${name ?? line.trim()}`}`);
    }
  }
  return names;
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
    const why = [];
    if (result.apiReportChanged && !update)
      why.push(
        'the public API differs from the checked-in report: review the change, then run `node scripts/api-report.mjs --update`',
      );
    else if (!result.succeeded && problems.length > 0) return { label, ok: false, why: problems.join('\n') };
    // API Extractor writes the report of the current build to the temp folder in both modes.
    const fresh = join(pkgDir, 'node_modules', '.api-report', `${reportName}.api.md`);
    const missing = undocumentedIn(readFileSync(fresh, 'utf8'));
    if (missing.length > 0)
      why.push(
        `${missing.length} public declaration(s) without a TSDoc comment (write one for each): ${missing.join(', ')}`,
      );
    if (why.length > 0) return { label, ok: false, why: why.join('\n') };
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
