// Runs the built bench (turbo builds it before tests) as `pnpm bench` would, in quick mode, and
// checks the report's shape and the counts it reports; the speeds themselves are not asserted.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

function bench(...args: string[]) {
  return spawnSync(process.execPath, ['--expose-gc', entry, '--quick', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('pnpm bench', () => {
  it('--json prints one report object: node, cpu, date and a row per case', () => {
    const run = bench('--json', '--only', 'tokens,signing');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      node: string;
      cpu: string;
      date: string;
      results: { name: string; unit: string; ours: number; peers: Record<string, number>; floor?: number }[];
    };
    expect(report.node).toBe(process.version);
    expect(report.cpu).toMatch(/ x\d+$/);
    expect(Number.isNaN(Date.parse(report.date))).toBe(false);
    expect(report.results.map((r) => [r.name, r.unit])).toEqual([
      ['token-cache-hit', 'ops/s'],
      ['stampede (cold getToken x1000)', 'runs'],
      ['stampede (refresh same stale x1000)', 'runs'],
      ['sign-1k', 'ops/s'],
      ['sign-1m', 'MB/s'],
    ]);
    const byName = new Map(report.results.map((r) => [r.name, r]));
    expect(byName.get('stampede (cold getToken x1000)')?.ours).toBe(1);
    expect(byName.get('stampede (refresh same stale x1000)')?.ours).toBe(1);
    for (const name of ['sign-1k', 'sign-1m']) {
      const row = byName.get(name);
      expect(Object.keys(row?.peers ?? {})).toEqual([
        'smithy+hash-node (reused signer)',
        'smithy+sha256-js (signer per request)',
        'aws4fetch',
        'aws4',
      ]);
      expect(row?.ours).toBeGreaterThan(0);
      expect(row?.floor).toBeGreaterThan(0);
    }
  });

  it('prints the table by default and refuses an unknown case group with exit 2', () => {
    const table = bench('--only', 'tokens');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toContain('| stampede (cold getToken x1000) | runs | 1.00 |');
    const unknown = bench('--only', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown case group(s): nope; choose from signing, tokens, pipeline, cold-start',
    );
  });
});
