// Test support only (under __testing__, never imported by the package itself): real scripts in real temp dirs.
import { readFileSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '@x/test-kit';
import { beforeEach } from 'vitest';

export interface ScriptDir {
  dir: string;
  /** Writes an executable node script (body is ES module code) and returns its absolute path. */
  node(name: string, body: string): Promise<string>;
  /** Writes an executable POSIX sh script and returns its absolute path. */
  sh(name: string, body: string): Promise<string>;
  /** Lines appended to `runs.log` by scripts that count their runs. */
  runs(): Promise<number>;
  /**
   * A node script that appends a line to runs.log, then prints `stdout` (and `stderr`), exiting
   * `code`; `{n}` in stdout becomes the run's number (1 for the first run).
   */
  counting(name: string, output: { stdout?: string; stderr?: string; code?: number }): Promise<string>;
}

/** A script folder in a fresh temp dir, removed when the current test finishes. */
async function makeScriptDir(): Promise<ScriptDir> {
  const dir = await tempDir('external-bearer-');
  const runsFile = join(dir, 'runs.log');
  const write = async (name: string, text: string): Promise<string> => {
    const file = join(dir, name);
    await writeFile(file, text);
    await chmod(file, 0o755);
    return file;
  };
  const node = (name: string, body: string): Promise<string> =>
    write(name, `#!${process.execPath}\n${body}\n`);
  return {
    dir,
    node,
    sh: (name, body) => write(name, `#!/bin/sh\n${body}\n`),
    async runs() {
      try {
        return (await readFile(runsFile, 'utf8')).split('\n').filter((line) => line !== '').length;
      } catch {
        return 0;
      }
    },
    counting: (name, output) =>
      node(
        name,
        [
          "import { appendFileSync, readFileSync } from 'node:fs';",
          `appendFileSync(${JSON.stringify(runsFile)}, 'run\\n');`,
          `const n = readFileSync(${JSON.stringify(runsFile)}, 'utf8').split('\\n').length - 1;`,
          `process.stdout.write(${JSON.stringify(output.stdout ?? '')}.replaceAll('{n}', String(n)));`,
          `process.stderr.write(${JSON.stringify(output.stderr ?? '')});`,
          `process.exitCode = ${output.code ?? 0};`,
        ].join('\n'),
      ),
  };
}

/**
 * Call once at the top of a test file: each test of the file then gets a fresh script folder (made
 * before it, removed when it finishes), always reached through the one object returned here.
 */
export function scriptDirPerTest(): ScriptDir {
  let current: ScriptDir | undefined;
  beforeEach(async () => {
    current = await makeScriptDir();
  });
  const now = (): ScriptDir => {
    if (current === undefined) throw new Error('scriptDirPerTest: the folder exists only while a test runs');
    return current;
  };
  return {
    get dir() {
      return now().dir;
    },
    node: (name, body) => now().node(name, body),
    sh: (name, body) => now().sh(name, body),
    runs: () => now().runs(),
    counting: (name, output) => now().counting(name, output),
  };
}

/** A hand-driven clock for expiry, interval and backoff logic. */
export function manualClock(start = Date.UTC(2026, 0, 1)): { now: () => number; advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}

/** Alive and not a zombie (a killed orphan may wait a while for PID 1 to reap it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}
