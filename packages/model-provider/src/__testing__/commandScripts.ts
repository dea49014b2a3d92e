import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How many times a script written here has run (one line per run in its `runs` file). */
export function runsOf(runs: string): number {
  return existsSync(runs) ? readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0;
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

/**
 * A token command whose output shows its argv and working directory: it prints
 * `<first argument>.<basename of cwd>` (both header-safe in tests).
 */
export async function echoArgsScript(dir: string): Promise<string> {
  const script = join(dir, 'echo-args.mjs');
  await writeFile(
    script,
    `import { basename } from 'node:path';
process.stdout.write(process.argv[2] + '.' + basename(process.cwd()) + '\\n');
`,
  );
  return script;
}

/** A token command that never prints and never exits (until it is killed). */
export async function hangingScript(dir: string): Promise<string> {
  const script = join(dir, 'hang.mjs');
  await writeFile(script, 'setInterval(() => {}, 60_000);\n');
  return script;
}

/**
 * A token command that fails (exit 1, counting each run in `runs`) until the file `healed` exists,
 * then prints `token`.
 */
export async function failingTokenScript(
  dir: string,
  token: string,
): Promise<{ script: string; runs: string; healed: string }> {
  const paths = { script: join(dir, 'failing.mjs'), runs: join(dir, 'runs'), healed: join(dir, 'healed') };
  await writeFile(
    paths.script,
    `import { appendFileSync, existsSync } from 'node:fs';
appendFileSync(${JSON.stringify(paths.runs)}, 'run\\n');
if (!existsSync(${JSON.stringify(paths.healed)})) {
  process.stderr.write('token helper is down\\n');
  process.exit(1);
}
process.stdout.write(${JSON.stringify(`${token}\n`)});
`,
  );
  return paths;
}
