import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAlive, scriptDirPerTest } from '../__testing__/testScripts.js';

// The host runs in its own node process and imports the built package (pnpm test runs after build).
const DIST = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'index.js')).href;

const scripts = scriptDirPerTest();

describe.skipIf(process.platform === 'win32')('a host that exits mid-run', () => {
  interface HostRun {
    exit: { code: number | null; signal: NodeJS.Signals | null };
    /** The command's pid and its grandchild's. */
    pids: number[];
  }

  /**
   * A host process starts a run whose command forks a `sleep` grandchild (in a session of its own
   * when `escape` is set, out of the run's process group), then, once both are up, runs `end`.
   */
  async function runHost(options: { escape: boolean; preamble?: string; end: string }): Promise<HostRun> {
    const pids = join(scripts.dir, 'pids');
    const command = await scripts.node(
      'hang.mjs',
      [
        "import { spawn } from 'node:child_process';",
        "import { writeFileSync } from 'node:fs';",
        `const child = spawn('sleep', ['60'], { stdio: 'ignore', detached: ${options.escape} });`,
        `writeFileSync(${JSON.stringify(pids)}, process.pid + ' ' + child.pid);`,
        'setTimeout(() => {}, 60000);',
      ].join('\n'),
    );
    const host = await scripts.node(
      'host.mjs',
      [
        "import { existsSync } from 'node:fs';",
        `const { createCommandTokenSource } = await import(${JSON.stringify(DIST)});`,
        options.preamble ?? '',
        `const source = createCommandTokenSource({ command: ${JSON.stringify(command)}, timeoutMs: 60000 });`,
        'source.getToken().catch(() => {});',
        `const wait = setInterval(() => { if (existsSync(${JSON.stringify(pids)})) { clearInterval(wait); ${options.end} } }, 10);`,
        'setTimeout(() => {}, 60000);',
      ].join('\n'),
    );
    const exit = await new Promise<HostRun['exit']>((resolve) => {
      spawn(host, [], { stdio: 'ignore' }).on('exit', (code, signal) => resolve({ code, signal }));
    });
    return { exit, pids: (await readFile(pids, 'utf8')).split(' ').map(Number) };
  }

  async function expectAllGone(pids: number[]): Promise<void> {
    try {
      for (const pid of pids) await expect.poll(() => isAlive(pid)).toBe(false);
    } finally {
      for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  }

  it('takes the running command and its children with it', async () => {
    const { exit, pids } = await runHost({ escape: false, end: 'process.exit(0);' });
    expect(exit).toEqual({ code: 0, signal: null });
    await expectAllGone(pids);
  });

  it('takes the command and an escaped grandchild with it when it dies by an unhandled SIGTERM', async () => {
    const { exit, pids } = await runHost({ escape: true, end: "process.kill(process.pid, 'SIGTERM');" });
    // the host still dies by the signal, as it would without this package
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    await expectAllGone(pids);
  });

  it("leaves a handled SIGTERM to the host's own listener, and stops the runs when it exits", async () => {
    const { exit, pids } = await runHost({
      escape: true,
      preamble: "process.on('SIGTERM', () => process.exit(7));",
      end: "process.kill(process.pid, 'SIGTERM');",
    });
    expect(exit).toEqual({ code: 7, signal: null });
    await expectAllGone(pids);
  });
});
