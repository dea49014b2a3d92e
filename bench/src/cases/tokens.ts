import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommandTokenSource } from '@x/external-bearer';
import { measureInterleaved } from '../harness.js';
import type { BenchResult } from '../result.js';

/** A token command that counts its runs in a file, as the tests' scripts do. */
function countingCommand(dir: string): { script: string; runs: () => number } {
  const runsFile = join(dir, 'runs');
  const script = join(dir, 'token.mjs');
  writeFileSync(runsFile, '');
  writeFileSync(
    script,
    `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(runsFile)}, 'r\\n');\nprocess.stdout.write('tok-' + Date.now() + '-' + Math.random().toString(36).slice(2) + '\\n');\n`,
  );
  return { script, runs: () => readFileSync(runsFile, 'utf8').split('\n').filter(Boolean).length };
}

/** token-cache-hit (ops/s) and stampede (runs for 1,000 concurrent callers). */
export async function tokenCases(quick: boolean): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'x-bench-token-'));
  try {
    const warm = createCommandTokenSource({ command: process.execPath, args: [countingCommand(dir).script] });
    await warm.getToken();
    const ops = await measureInterleaved(
      [{ name: 'ours', run: () => warm.getToken() }],
      quick ? { rounds: 3, sliceMs: 150 } : {},
    );

    const coldDir = mkdtempSync(join(dir, 'cold-'));
    const cold = countingCommand(coldDir);
    const source = createCommandTokenSource({ command: process.execPath, args: [cold.script] });
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => source.getToken()));
    const coldRuns = cold.runs();
    const stale = tokens[0] ?? '';
    await Promise.all(Array.from({ length: 1000 }, () => source.refresh({ staleToken: stale })));
    const refreshRuns = cold.runs() - coldRuns;

    return [
      {
        name: 'token-cache-hit',
        unit: 'ops/s',
        ours: ops.get('ours') ?? 0,
        peers: {},
        note: 'target > 1,000,000',
      },
      {
        name: 'stampede (cold getToken x1000)',
        unit: 'runs',
        ours: coldRuns,
        peers: {},
        note: 'target exactly 1',
      },
      {
        name: 'stampede (refresh same stale x1000)',
        unit: 'runs',
        ours: refreshRuns,
        peers: {},
        note: 'target exactly 1',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
