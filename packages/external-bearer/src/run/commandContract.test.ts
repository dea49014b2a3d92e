import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rejectionOf } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { isAlive, scriptDirPerTest } from '../__testing__/testScripts.js';
import { CommandTokenError, createCommandTokenSource } from '../index.js';

const scripts = scriptDirPerTest();

const failure = (promise: Promise<unknown>): Promise<CommandTokenError> =>
  rejectionOf(promise, CommandTokenError);

describe('the command contract', () => {
  it('uses the trimmed stdout as the token, passes argv without a shell, closes stdin, sets env and cwd', async () => {
    const command = await scripts.node(
      'print.mjs',
      [
        "import { readFileSync } from 'node:fs';",
        'const stdin = readFileSync(0).length;',
        'const [a, b] = process.argv.slice(2);',
        "const ok = a === '$HOME; echo hi' && b === '*' && stdin === 0 && process.env.EXTRA === 'yes'",
        '  && process.cwd() === process.env.WANT_CWD;',
        "process.stdout.write(ok ? '\\n  tok-123  \\n\\n' : 'wrong');",
      ].join('\n'),
    );
    const source = createCommandTokenSource({
      command,
      args: ['$HOME; echo hi', '*'],
      cwd: scripts.dir,
      childEnv: { EXTRA: 'yes', WANT_CWD: scripts.dir },
    });
    expect(await source.getToken()).toBe('tok-123');
    expect(source.describe()).toEqual({ command, runs: 1, failures: 0 });
  });

  it('resolves a relative path with a slash against cwd and a bare name on PATH', async () => {
    await scripts.counting('relative.mjs', { stdout: 'rel-token' });
    const relative = createCommandTokenSource({ command: './relative.mjs', cwd: scripts.dir });
    expect(await relative.getToken()).toBe('rel-token');
    await scripts.counting('my-token-helper', { stdout: 'path-token' });
    const bare = createCommandTokenSource({
      command: 'my-token-helper',
      childEnv: { PATH: `/nonexistent-dir:${scripts.dir}` },
    });
    expect(await bare.getToken()).toBe('path-token');
    expect(await scripts.runs()).toBe(2);
  });

  it('reports a missing command and a command that cannot start', async () => {
    const missing = createCommandTokenSource({
      command: 'no-such-helper-x1',
      childEnv: { PATH: scripts.dir },
    });
    const notFound = await failure(missing.getToken());
    expect(notFound.code).toBe('COMMAND_NOT_FOUND');
    expect(notFound.message).toBe(
      'provider auth command `no-such-helper-x1` failed to start: not found on PATH',
    );
    const absent = createCommandTokenSource({ command: join(scripts.dir, 'absent') });
    expect((await failure(absent.getToken())).code).toBe('SPAWN_FAILED');
    // exists but is not executable
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(scripts.dir, 'plain.txt'), 'x');
    const plain = createCommandTokenSource({ command: join(scripts.dir, 'plain.txt') });
    const error = await failure(plain.getToken());
    expect(error.code).toBe('SPAWN_FAILED');
    expect(error.message).toBe(`provider auth command \`${join(scripts.dir, 'plain.txt')}\` failed to start`);
    expect(error.cause).toMatchObject({ code: 'EACCES' });
    // a working directory that does not exist
    const script = await scripts.counting('fine.mjs', { stdout: 'never-used' });
    const noCwd = createCommandTokenSource({ command: script, cwd: join(scripts.dir, 'missing-dir') });
    const cwdError = await failure(noCwd.getToken());
    expect(cwdError.code).toBe('SPAWN_FAILED');
    expect(cwdError.cause).toMatchObject({ code: 'ENOENT' });
    expect(await scripts.runs()).toBe(0);
  });

  it('requires exit status 0 and carries a short stderr excerpt', async () => {
    const command = await scripts.counting('fail.mjs', {
      stderr: 'session expired: run `sso login`\n',
      code: 3,
    });
    const error = await failure(createCommandTokenSource({ command }).getToken());
    expect(error.code).toBe('EXIT_STATUS');
    expect(error.message).toBe(
      `provider auth command \`${command}\` exited with status 3: session expired: run \`sso login\``,
    );
    expect(error.stderrExcerpt).toBe('session expired: run `sso login`');
  });

  it('reports a command killed by a signal', async () => {
    const command = await scripts.sh('killed.sh', 'kill -9 $$');
    const error = await failure(createCommandTokenSource({ command }).getToken());
    expect(error.code).toBe('EXIT_STATUS');
    expect(error.message).toContain('was killed by signal SIGKILL');
  });

  it('rejects non-UTF-8, empty and header-unsafe output', async () => {
    const binary = await scripts.node(
      'binary.mjs',
      'process.stdout.write(Buffer.from([0x74, 0xff, 0xfe, 0x6b]));',
    );
    const nonUtf8 = await failure(createCommandTokenSource({ command: binary }).getToken());
    expect(nonUtf8.code).toBe('NON_UTF8');
    expect(nonUtf8.message).toBe(`provider auth command \`${binary}\` wrote non-UTF-8 data to stdout`);
    const blank = await scripts.counting('blank.mjs', { stdout: ' \n\t\n' });
    const empty = await failure(createCommandTokenSource({ command: blank }).getToken());
    expect(empty.code).toBe('EMPTY_TOKEN');
    expect(empty.message).toBe(`provider auth command \`${blank}\` produced an empty token`);
    for (const bad of ['two words', 'line\nbreak', 'tab\there', 'caf\u00e9', 'nul\u0000x']) {
      const command = await scripts.counting('bad.mjs', { stdout: bad });
      expect((await failure(createCommandTokenSource({ command }).getToken())).code).toBe('INVALID_TOKEN');
    }
  });

  it('caps stdout (64 KiB by default) and stops a command printing megabytes', async () => {
    const big = await scripts.node(
      'big.mjs',
      "const chunk = 'a'.repeat(1 << 20); for (let i = 0; i < 4; i++) process.stdout.write(chunk);",
    );
    const error = await failure(createCommandTokenSource({ command: big }).getToken());
    expect(error.code).toBe('OUTPUT_TOO_LARGE');
    expect(error.message).toBe(`provider auth command \`${big}\` wrote more than 65536 bytes to stdout`);
    const exact = await scripts.counting('exact.mjs', { stdout: 'b'.repeat(100) });
    expect(await createCommandTokenSource({ command: exact, maxOutputBytes: 100 }).getToken()).toBe(
      'b'.repeat(100),
    );
    const over = createCommandTokenSource({ command: exact, maxOutputBytes: 99 });
    expect((await failure(over.getToken())).code).toBe('OUTPUT_TOO_LARGE');
  });

  it('times out, naming the limit', async () => {
    const command = await scripts.sh('slow.sh', 'sleep 30; echo late');
    const error = await failure(createCommandTokenSource({ command, timeoutMs: 200 }).getToken());
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe(`provider auth command \`${command}\` timed out after 200 ms`);
  });

  it('times out when a grandchild holds stdout open, and kills the whole tree', async () => {
    const pidFile = join(scripts.dir, 'grandchild.pid');
    // A shell script starts in milliseconds even on a loaded machine, so the grandchild is always
    // started and recorded well before the deadline; the parent then waits for it, and both hold
    // stdout open. (A parent that exits instead is handled without a timeout: backgroundChild.test.ts.)
    const command = await scripts.sh(
      'fork.sh',
      `sleep 60 & echo $! > ${JSON.stringify(pidFile)}; printf partial; wait`,
    );
    const source = createCommandTokenSource({ command, timeoutMs: 1500 });
    const error = await failure(source.getToken());
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe(`provider auth command \`${command}\` timed out after 1500 ms`);
    const grandchild = Number(await readFile(pidFile, 'utf8'));
    await expect.poll(() => isAlive(grandchild)).toBe(false);
    expect(source.describe()).toEqual({ command, runs: 1, failures: 1 });
  });

  it.skipIf(process.platform !== 'linux')(
    'on a timeout also kills descendants that left the process group with setsid',
    async () => {
      const holder = join(scripts.dir, 'holder.pid');
      const daemon = join(scripts.dir, 'daemon.pid');
      // One escapee keeps stdout open (it would hang the run), one closed its stdio (a stray daemon).
      const command = await scripts.sh(
        'escape.sh',
        [
          `setsid sh -c 'echo $$ > ${holder}; exec sleep 60' &`,
          `setsid sh -c 'echo $$ > ${daemon}; exec sleep 60' >/dev/null 2>&1 &`,
          'printf partial',
          'wait',
        ].join('\n'),
      );
      const pids: number[] = [];
      try {
        const error = await failure(createCommandTokenSource({ command, timeoutMs: 2000 }).getToken());
        expect(error.code).toBe('TIMEOUT');
        for (const file of [holder, daemon]) pids.push(Number(await readFile(file, 'utf8')));
        for (const pid of pids) await expect.poll(() => isAlive(pid)).toBe(false);
      } finally {
        for (const pid of pids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      }
    },
  );
});
