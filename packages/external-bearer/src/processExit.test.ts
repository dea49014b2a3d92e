import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive, makeScriptDir, type ScriptDir } from './internal/testScripts.js';

// The host runs in its own node process and imports the built package (pnpm test runs after build).
const DIST = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'index.js')).href;

let scripts: ScriptDir;
beforeEach(async () => {
  scripts = await makeScriptDir();
});
afterEach(async () => {
  await scripts.remove();
});

describe.skipIf(process.platform === 'win32')('a host that exits mid-run', () => {
  it('takes the running command and its children with it', async () => {
    const pids = join(scripts.dir, 'pids');
    const command = await scripts.node(
      'hang.mjs',
      [
        "import { spawn } from 'node:child_process';",
        "import { writeFileSync } from 'node:fs';",
        "const child = spawn('sleep', ['60'], { stdio: 'ignore' });",
        `writeFileSync(${JSON.stringify(pids)}, process.pid + ' ' + child.pid);`,
        'setTimeout(() => {}, 60000);',
      ].join('\n'),
    );
    const host = await scripts.node(
      'host.mjs',
      [
        "import { existsSync } from 'node:fs';",
        `const { createCommandTokenSource } = await import(${JSON.stringify(DIST)});`,
        `const source = createCommandTokenSource({ command: ${JSON.stringify(command)}, timeoutMs: 60000 });`,
        'source.getToken().catch(() => {});',
        `const wait = setInterval(() => { if (existsSync(${JSON.stringify(pids)})) { clearInterval(wait); process.exit(0); } }, 10);`,
      ].join('\n'),
    );
    const exited = await new Promise<number | null>((resolve) => {
      spawn(host, [], { stdio: 'ignore' }).on('exit', resolve);
    });
    expect(exited).toBe(0);
    const [run, grandchild] = (await readFile(pids, 'utf8')).split(' ').map(Number) as [number, number];
    await expect.poll(() => isAlive(run)).toBe(false);
    await expect.poll(() => isAlive(grandchild)).toBe(false);
  });

  /** A host that starts a run whose command forks a `setsid` grandchild, then meets SIGTERM. */
  async function hostMeetingSigterm(ownHandler: string): Promise<{
    exit: { code: number | null; signal: NodeJS.Signals | null };
    pids: number[];
  }> {
    const pids = join(scripts.dir, 'pids');
    const command = await scripts.node(
      'hang.mjs',
      [
        "import { spawn } from 'node:child_process';",
        "import { writeFileSync } from 'node:fs';",
        "const child = spawn('sleep', ['60'], { stdio: 'ignore', detached: true });",
        `writeFileSync(${JSON.stringify(pids)}, process.pid + ' ' + child.pid);`,
        'setTimeout(() => {}, 60000);',
      ].join('\n'),
    );
    const host = await scripts.node(
      'host.mjs',
      [
        "import { existsSync } from 'node:fs';",
        `const { createCommandTokenSource } = await import(${JSON.stringify(DIST)});`,
        ownHandler,
        `const source = createCommandTokenSource({ command: ${JSON.stringify(command)}, timeoutMs: 60000 });`,
        'source.getToken().catch(() => {});',
        `const wait = setInterval(() => { if (existsSync(${JSON.stringify(pids)})) { clearInterval(wait); process.kill(process.pid, 'SIGTERM'); } }, 10);`,
        'setTimeout(() => {}, 60000);',
      ].join('\n'),
    );
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      spawn(host, [], { stdio: 'ignore' }).on('exit', (code, signal) => resolve({ code, signal }));
    });
    const found = (await readFile(pids, 'utf8')).split(' ').map(Number);
    return { exit, pids: found };
  }

  it('takes the command and an escaped grandchild with it when it dies by an unhandled SIGTERM', async () => {
    const { exit, pids } = await hostMeetingSigterm('');
    try {
      // the host still dies by the signal, as it would without this package
      expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
      for (const pid of pids) await expect.poll(() => isAlive(pid)).toBe(false);
    } finally {
      for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it("leaves a handled SIGTERM to the host's own listener, and stops the runs when it exits", async () => {
    const { exit, pids } = await hostMeetingSigterm("process.on('SIGTERM', () => process.exit(7));");
    try {
      expect(exit).toEqual({ code: 7, signal: null });
      for (const pid of pids) await expect.poll(() => isAlive(pid)).toBe(false);
    } finally {
      for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
