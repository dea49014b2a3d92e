import { cpus } from 'node:os';
import { coldImportCases } from './cases/coldImport.js';
import { coldStartCases } from './cases/coldStart.js';
import { installCases } from './cases/install.js';
import { pipelineCases } from './cases/pipeline.js';
import { signingCases } from './cases/signing.js';
import { tokenCases } from './cases/tokens.js';
import { formatTable } from './formatTable.js';
import type { BenchResult } from './result.js';

/** The case groups, by the name `--only` takes. */
const groups: Record<string, (quick: boolean) => BenchResult[] | Promise<BenchResult[]>> = {
  signing: signingCases,
  tokens: tokenCases,
  pipeline: pipelineCases,
  'cold-start': coldStartCases,
  'cold-import': coldImportCases,
  install: installCases,
};

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',') : Object.keys(groups);
const unknown = only.filter((name) => !(name in groups));
if (unknown.length > 0) {
  console.error(
    `unknown case group(s): ${unknown.join(', ')}; choose from ${Object.keys(groups).join(', ')}`,
  );
  process.exit(2);
}

const results: BenchResult[] = [];
for (const name of only)
  results.push(...(await (groups[name] as (quick: boolean) => Promise<BenchResult[]>)(quick)));
const report = {
  node: process.version,
  cpu: `${cpus()[0]?.model ?? 'unknown'} x${cpus().length}`,
  date: new Date().toISOString(),
  results,
};
console.log(argv.includes('--json') ? JSON.stringify(report, null, 2) : formatTable(report));
