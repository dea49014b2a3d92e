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
});
