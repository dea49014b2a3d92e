import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAlive, scriptDirPerTest } from '../__testing__/testScripts.js';
import { createCommandTokenSource } from '../index.js';

const scripts = scriptDirPerTest();
let pids: number[] = [];
beforeEach(() => {
  pids = [];
});
afterEach(() => {
  for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
});

/** Reads the pid a script wrote, and remembers it so the test never leaves the process behind. */
async function pidIn(file: string): Promise<number> {
  const pid = Number((await readFile(file, 'utf8')).trim());
  pids.push(pid);
  return pid;
}

// The timeout only catches a hang: with the fix, these runs end shortly after the command exits.
const timeoutMs = 20_000;

describe.skipIf(process.platform === 'win32')(
  'a command that exits and leaves a child holding its pipes',
  () => {
    it('exit 0: the token is used and the background child, still holding stdout, is killed', async () => {
      const pidFile = join(scripts.dir, 'sleeper.pid');
      const command = await scripts.sh('bg.sh', `echo bg-token; sleep 30 & echo $! > '${pidFile}'`);
      const source = createCommandTokenSource({ command, timeoutMs });
      expect(await source.getToken()).toBe('bg-token');
      const sleeper = await pidIn(pidFile);
      await expect.poll(() => isAlive(sleeper)).toBe(false);
      expect(source.describe()).toMatchObject({ runs: 1, failures: 0 });
    });

    it.skipIf(process.platform !== 'linux')(
      'also kills a holder that left the process group with setsid',
      async () => {
        const pidFile = join(scripts.dir, 'holder.pid');
        const command = await scripts.sh(
          'escape.sh',
          `setsid sh -c 'echo $$ > ${pidFile}; exec sleep 30' &\nwhile [ ! -s '${pidFile}' ]; do sleep 0.02; done\necho escaped-token`,
        );
        expect(await createCommandTokenSource({ command, timeoutMs }).getToken()).toBe('escaped-token');
        const holder = await pidIn(pidFile);
        await expect.poll(() => isAlive(holder)).toBe(false);
      },
    );

    it('a non-zero exit is reported as such (with its stderr), not as a timeout', async () => {
      const pidFile = join(scripts.dir, 'sleeper.pid');
      const command = await scripts.sh(
        'fail.sh',
        `echo 'login required' >&2; sleep 30 & echo $! > '${pidFile}'; exit 3`,
      );
      const error = await createCommandTokenSource({ command, timeoutMs })
        .getToken()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: 'EXIT_STATUS', stderrExcerpt: 'login required' });
      await expect.poll(async () => isAlive(await pidIn(pidFile))).toBe(false);
    });

    it('a background child that let go of stdout and stderr is left running', async () => {
      const pidFile = join(scripts.dir, 'daemon.pid');
      const command = await scripts.sh(
        'daemon.sh',
        `sleep 30 >/dev/null 2>&1 & echo $! > '${pidFile}'; echo daemon-token`,
      );
      expect(await createCommandTokenSource({ command, timeoutMs }).getToken()).toBe('daemon-token');
      expect(isAlive(await pidIn(pidFile))).toBe(true);
    });
  },
);
