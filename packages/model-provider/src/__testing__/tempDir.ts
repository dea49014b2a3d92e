import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A real temporary folder, removed after the test. */
export async function tempDir(prefix = 'x-model-provider-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Writes a small Node script that prints a token and appends one line per run to `<dir>/runs`. */
export async function tokenScript(
  dir: string,
  tokens: readonly string[],
): Promise<{ script: string; runs: string }> {
  const script = join(dir, 'token.mjs');
  const runs = join(dir, 'runs');
  await writeFile(
    script,
    `import { appendFileSync, existsSync, readFileSync } from 'node:fs';
const runs = ${JSON.stringify(runs)};
const n = existsSync(runs) ? readFileSync(runs, 'utf8').split('\\n').filter(Boolean).length : 0;
appendFileSync(runs, 'run\\n');
const tokens = ${JSON.stringify(tokens)};
process.stdout.write(tokens[Math.min(n, tokens.length - 1)] + '\\n');
`,
  );
  return { script, runs };
}
