import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface WaitingTokenScript {
  script: string;
  /** Written by the script as soon as it runs. */
  started: string;
  /** The script waits until this file exists; the test creates it. */
  release: string;
  /** Written by the script just before it prints the token and exits. */
  done: string;
}

/** Writes a Node script that prints `token` only once the test creates the release file. */
export async function waitingTokenScript(dir: string, token: string): Promise<WaitingTokenScript> {
  const paths = {
    script: join(dir, 'waiting-token.mjs'),
    started: join(dir, 'started'),
    release: join(dir, 'release'),
    done: join(dir, 'done'),
  };
  await writeFile(
    paths.script,
    `import { existsSync, writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(paths.started)}, 'started');
const timer = setInterval(() => {
  if (!existsSync(${JSON.stringify(paths.release)})) return;
  clearInterval(timer);
  writeFileSync(${JSON.stringify(paths.done)}, 'done');
  process.stdout.write(${JSON.stringify(`${token}\n`)});
}, 10);
`,
  );
  return paths;
}

/** Resolves once `file` exists, checking every 10 ms (a hang guard belongs to the caller). */
export async function fileAppears(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 10));
}
