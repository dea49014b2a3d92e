import { thrownBy } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { CommandTokenError } from './errors.js';
import { createCommandTokenSource } from './index.js';
import type { CommandTokenSourceOptions } from './options.js';
import { validateOptions } from './options.js';

const rejection = (config: unknown): CommandTokenError =>
  thrownBy(() => createCommandTokenSource(config as CommandTokenSourceOptions), CommandTokenError);

describe('config validation', () => {
  it('applies the documented defaults', () => {
    const resolved = validateOptions({ command: 'helper' });
    expect(resolved).toMatchObject({
      command: 'helper',
      args: [],
      timeoutMs: 5000,
      refreshIntervalMs: 300_000,
      cwd: process.cwd(),
      childEnv: {},
      output: 'text',
      maxOutputBytes: 65536,
    });
  });

  it.each([
    [{ command: '' }, 'EMPTY_COMMAND', 'provider auth.command must not be empty'],
    [{ command: '   ' }, 'EMPTY_COMMAND', 'provider auth.command must not be empty'],
    [{}, 'EMPTY_COMMAND', 'provider auth.command must not be empty'],
    [{ command: 'x', timeoutMs: 0 }, 'INVALID_TIMEOUT', 'provider auth.timeout_ms must be greater than 0'],
    [{ command: 'x', timeoutMs: -5 }, 'INVALID_TIMEOUT', 'timeout_ms'],
    [{ command: 'x', timeoutMs: Number.NaN }, 'INVALID_TIMEOUT', 'timeout_ms'],
    [{ command: 'x', refreshIntervalMs: -1 }, 'INVALID_REFRESH_INTERVAL', 'refresh_interval_ms'],
    [{ command: 'x', cwd: 'relative/dir' }, 'RELATIVE_CWD', 'provider auth.cwd must be an absolute path'],
    [{ command: 'x', args: 'one' }, 'INVALID_ARGS', 'provider auth.args'],
    [{ command: 'x', args: [1] }, 'INVALID_ARGS', 'provider auth.args'],
    [{ command: 'x', childEnv: { A: 1 } }, 'INVALID_ENV', 'provider auth.env'],
    [{ command: 'x', output: 'yaml' }, 'INVALID_OUTPUT_MODE', 'provider auth.output'],
    [{ command: 'x', maxOutputBytes: 0 }, 'INVALID_MAX_OUTPUT', 'maxOutputBytes'],
    [{ command: 'x', backoff: { initialMs: -1 } }, 'INVALID_BACKOFF', 'backoff.initialMs'],
  ])('rejects %j with %s', (config, code, text) => {
    const error = rejection(config);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  it('accepts refreshIntervalMs 0 (only after a 401)', () => {
    expect(validateOptions({ command: 'x', refreshIntervalMs: 0 }).refreshIntervalMs).toBe(0);
  });
});

describe('user-supplied now and random', () => {
  const secret = 'callback-secret-7f3a9c';

  it('a throwing now fails the call with CALLBACK_FAILED and a cause that does not quote it', async () => {
    const source = createCommandTokenSource({
      command: process.execPath,
      args: ['-e', "process.stdout.write('tok')"],
      now: () => {
        throw new Error(`clock broke: ${secret}`);
      },
    });
    const error = await source.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTokenError);
    expect(error).toMatchObject({ code: 'CALLBACK_FAILED', message: 'provider auth option `now` threw' });
    expect(String((error as Error).cause)).not.toContain(secret);
  });

  it('a throwing random fails the failed run with CALLBACK_FAILED instead of its own error', async () => {
    const source = createCommandTokenSource({
      command: process.execPath,
      args: ['-e', 'process.exit(3)'],
      random: () => {
        throw Object.assign(new Error(secret), { code: 'E_JITTER' });
      },
    });
    const error = await source.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CALLBACK_FAILED', message: 'provider auth option `random` threw' });
    expect((error as Error).cause).toMatchObject({ message: 'random failed (E_JITTER)', code: 'E_JITTER' });
  });
});
