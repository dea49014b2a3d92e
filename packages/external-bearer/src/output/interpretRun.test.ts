import { inspect } from 'node:util';
import { thrownBy } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { CommandTokenError } from '../errors.js';
import { STDERR_KEEP_BYTES } from '../run/rawRun.js';
import { interpretRun } from './interpretRun.js';

const context = {
  label: 'helper',
  output: 'text' as const,
  timeoutMs: 100,
  maxOutputBytes: 10,
  now: 0,
  secrets: [],
};
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const thrown = (run: Parameters<typeof interpretRun>[0]): CommandTokenError =>
  thrownBy(() => interpretRun(run, context), CommandTokenError);

describe('interpretRun', () => {
  it('drops a word cut in half where stderr stopped being kept', () => {
    const head = 'x '.repeat((STDERR_KEEP_BYTES - 10) / 2);
    const stderr = bytes(`${head}hint: ${'k'.repeat(20)}`).subarray(0, STDERR_KEEP_BYTES);
    const error = thrown({ kind: 'exited', exitCode: 1, stdout: new Uint8Array(), stderr, durationMs: 1 });
    expect(error.stderrExcerpt).toBeDefined();
    expect(error.stderrExcerpt).not.toContain('k');
  });

  it('gives a spawn failure a fresh cause holding only the errno', () => {
    const error = thrown({ kind: 'spawn-failed', errno: 'EACCES', durationMs: 1 });
    expect(error.code).toBe('SPAWN_FAILED');
    expect(error.message).toBe('provider auth command `helper` failed to start');
    expect(error.cause).toMatchObject({ code: 'EACCES', message: 'spawn failed (EACCES)' });
    expect(inspect(error)).toContain('EACCES');
  });

  it('maps timeout and oversized output, and leaves stdout out of every message', () => {
    const stdout = bytes('stdout-secret');
    const timeout = thrown({ kind: 'timeout', stdout, stderr: new Uint8Array(), durationMs: 100 });
    expect(timeout).toMatchObject({
      code: 'TIMEOUT',
      message: 'provider auth command `helper` timed out after 100 ms',
    });
    const large = thrown({ kind: 'too-large', stderr: bytes('x'), durationMs: 1 });
    expect(large).toMatchObject({ code: 'OUTPUT_TOO_LARGE' });
    const exit = thrown({
      kind: 'exited',
      exitCode: 2,
      stdout,
      stderr: bytes('echo stdout-secret'),
      durationMs: 1,
    });
    expect(exit.message).toBe('provider auth command `helper` exited with status 2: echo [REDACTED]');
  });

  it('cuts a token from JSON stdout out of stderr, with or without valid JSON around it', () => {
    for (const stdout of [
      '{"token": "hunter2hunter2", "expires_at": 1}',
      '{"kind":"ExecCredential","status":{"token":"hunter2hunter2"}}',
      '{"token": "hunter2hunter2", "expi',
    ]) {
      const exit = thrown({
        kind: 'exited',
        exitCode: 2,
        stdout: bytes(stdout),
        stderr: bytes('could not refresh hunter2hunter2'),
        durationMs: 1,
      });
      expect(exit.message).toBe(
        'provider auth command `helper` exited with status 2: could not refresh [REDACTED]',
      );
    }
  });
});
