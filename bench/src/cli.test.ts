// Runs the built bench (turbo builds it before tests) as `pnpm bench` would, in quick mode, and
// checks the report's shape and the counts it reports; the speeds themselves are not asserted.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

function bench(...args: string[]) {
  return spawnSync(process.execPath, ['--expose-gc', entry, '--quick', ...args], {
    encoding: 'utf8',
    timeout: 600_000,
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

  it('--json reports cold import against openai and install size and package count per package', () => {
    const run = bench('--json', '--only', 'cold-import,install');
    expect(run.status, run.stderr).toBe(0);
    const { results } = JSON.parse(run.stdout) as {
      results: {
        name: string;
        unit: string;
        ours: number | null;
        peers: Record<string, number>;
        note?: string;
        unavailable?: string;
      }[];
    };
    const packages = ['@x/aws-auth', '@x/external-bearer', '@x/auth-store', '@x/model-provider'];
    expect(results.map((r) => [r.name, r.unit])).toEqual([
      ...packages.map((p) => [`cold-import ${p}`, 'imports/s']),
      ...packages.flatMap((p) => [
        [`install-size ${p}`, 'MB'],
        [`install-packages ${p}`, 'packages'],
      ]),
    ]);
    for (const row of results.filter((r) => r.name.startsWith('cold-import '))) {
      expect(Object.keys(row.peers)).toEqual(['openai']);
      expect(row.ours).toBeGreaterThan(0);
      expect(row.note).toMatch(/= \d+\.\d+ of openai .*; above an empty import \(\d+\.\d ms\): -?\d+\.\d+ /);
    }
    // Installing needs the npm registry for third-party packages: a number, or n/a with the reason.
    for (const row of results.filter((r) => r.name.startsWith('install-'))) {
      if (row.ours === null) expect(row.unavailable).toMatch(/npm install failed/);
      else expect(row.ours).toBeGreaterThan(0);
    }
    const count = (name: string) => results.find((r) => r.name === name)?.ours;
    if (count('install-packages @x/model-provider') !== null) {
      // model-provider brings its four @x siblings, so it installs more packages than any one of them.
      expect(count('install-packages @x/model-provider')).toBeGreaterThan(
        count('install-packages @x/aws-auth') ?? 0,
      );
    }
  }, 600_000); // installs from the npm registry; the limit only catches a hang

  it('prints the table by default and refuses an unknown case group with exit 2', () => {
    const table = bench('--only', 'tokens');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toContain('| stampede (cold getToken x1000) | runs | 1.00 |');
    const unknown = bench('--only', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      'unknown case group(s): nope; choose from signing, tokens, pipeline, cold-start, cold-import, install',
    );
  });
});
