import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from '../harness.js';
import type { BenchResult } from '../result.js';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The published packages, with the target: import ms at most this share of openai's. */
export const PACKAGES: ReadonlyArray<{ name: string; target?: number }> = [
  { name: '@x/aws-auth', target: 0.15 },
  { name: '@x/external-bearer', target: 0.2 },
  { name: '@x/auth-store', target: 0.3 },
  { name: '@x/model-provider', target: 0.4 },
];
const PEER = 'openai';
/**
 * An empty module: what any program's first import costs (Node sets up its module loader), however
 * little it loads. A program that already runs as ES modules has paid it before importing us.
 */
const EMPTY = pathToFileURL(join(benchDir, 'emptyModule.mjs')).href;

/** Milliseconds one fresh Node process spends in `import(specifier)` (its start not counted). */
function importMs(specifier: string): number {
  const source = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: benchDir,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`importing ${specifier} failed: ${result.stderr.split('\n')[0]}`);
  return Number(result.stdout.trim());
}

/**
 * cold-import: per package, the median time a fresh process takes to import it, against `openai` in
 * the same rounds (each round imports every module once, in turn, so load drift hits all alike). The
 * note also gives the share with an empty module's import (Node's one-time loader set-up) taken off
 * both sides: what the package adds to a program that already imports something.
 */
export function coldImportCases(quick: boolean): BenchResult[] {
  const specifiers = [EMPTY, PEER, ...PACKAGES.map((p) => p.name)];
  const samples = new Map<string, number[]>(specifiers.map((s) => [s, []]));
  const runs = quick ? 3 : 10;
  for (let i = 0; i < runs; i++) {
    for (const specifier of specifiers) samples.get(specifier)?.push(importMs(specifier));
  }
  const ms = (specifier: string): number => median(samples.get(specifier) ?? []);
  const peerMs = ms(PEER);
  const emptyMs = ms(EMPTY);
  return PACKAGES.map(({ name, target }) => {
    const share = ms(name) / peerMs;
    // What importing the package adds to a program that has already imported something.
    const added = (ms(name) - emptyMs) / (peerMs - emptyMs);
    const verdict = (ratio: number): string =>
      target === undefined ? '' : ` (target <= ${target}: ${ratio <= target ? 'met' : 'not met'})`;
    return {
      name: `cold-import ${name}`,
      unit: 'imports/s',
      ours: 1000 / ms(name),
      peers: { [PEER]: 1000 / peerMs },
      note: `median ms: ${ms(name).toFixed(1)} vs openai ${peerMs.toFixed(1)} = ${share.toFixed(2)} of openai${verdict(share)}; above an empty import (${emptyMs.toFixed(1)} ms): ${added.toFixed(2)}${verdict(added)}`,
    };
  });
}
