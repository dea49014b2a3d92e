import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scriptDirPerTest } from '../__testing__/testScripts.js';
import { type CommandTokenEvent, createCommandTokenSource } from '../index.js';

const scripts = scriptDirPerTest();

describe('describe(), inspect, JSON and events', () => {
  it('describe, util.inspect and JSON.stringify show the command and counts, never the token', async () => {
    const command = await scripts.counting('token.mjs', {
      stdout: JSON.stringify({ token: 'describe-token-{n}', expires_at: 4102444800 }),
    });
    const source = createCommandTokenSource({ command, output: 'json' });
    await source.getToken();
    const description = source.describe();
    expect(description).toEqual({
      command,
      runs: 1,
      failures: 0,
      expiresAt: new Date('2100-01-01T00:00:00Z'),
    });
    expect(JSON.parse(JSON.stringify(source))).toEqual({
      ...description,
      expiresAt: '2100-01-01T00:00:00.000Z',
    });
    const shown = inspect(source, { depth: 10, showHidden: true });
    expect(shown).toContain('runs: 1');
    for (const text of [shown, JSON.stringify(source), JSON.stringify(description)]) {
      expect(text).not.toContain('describe-token');
    }
  });

  it('an absurd expiry is refused (describe never shows an Invalid Date); a millisecond epoch is read as such', async () => {
    const absurd = await scripts.counting('absurd.mjs', { stdout: '{"token":"t","expires_at":1e300}' });
    const refused = createCommandTokenSource({ command: absurd, output: 'json' });
    await expect(refused.getToken()).rejects.toMatchObject({ code: 'INVALID_EXPIRY' });
    expect(refused.describe()).toEqual({ command: absurd, runs: 1, failures: 1 });
    const millis = await scripts.counting('millis.mjs', {
      stdout: JSON.stringify({ token: 't', expires_at: Date.UTC(2100, 0, 1) }),
    });
    const source = createCommandTokenSource({ command: millis, output: 'json' });
    await source.getToken();
    expect(source.describe().expiresAt?.toISOString()).toBe('2100-01-01T00:00:00.000Z');
  });

  it('reports runs, cache misses and hits, with exit code and duration, in order', async () => {
    const command = await scripts.counting('token.mjs', { stdout: 'event-token' });
    const events: CommandTokenEvent[] = [];
    const source = createCommandTokenSource({
      command,
      onEvent: (event) => {
        events.push(event);
        throw new Error('a broken hook is ignored');
      },
    });
    await source.getToken();
    await source.getToken();
    expect(events.map((event) => event.type)).toEqual(['cache-miss', 'run-start', 'run-end', 'cache-hit']);
    expect(events[0]).toEqual({ type: 'cache-miss', command, reason: 'cold' });
    expect(events[1]).toEqual({ type: 'run-start', command, reason: 'cold', run: 1 });
    expect(events[2]).toMatchObject({ type: 'run-end', command, run: 1, ok: true, exitCode: 0 });
    const end = events[2] as Extract<CommandTokenEvent, { type: 'run-end' }>;
    expect(end.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(events)).not.toContain('event-token');
  });

  it('reports a failed run with its code, exit status, redacted stderr and the backoff', async () => {
    const command = await scripts.counting('fail.mjs', {
      stderr: 'token=abc123secret please re-login',
      code: 7,
    });
    const events: CommandTokenEvent[] = [];
    const source = createCommandTokenSource({
      command,
      random: () => 1,
      onEvent: (event) => events.push(event),
    });
    await expect(source.getToken()).rejects.toMatchObject({ code: 'EXIT_STATUS' });
    expect(events.slice(2)).toEqual([
      expect.objectContaining({
        type: 'run-end',
        ok: false,
        exitCode: 7,
        code: 'EXIT_STATUS',
        stderrExcerpt: 'token=[REDACTED] please re-login',
      }),
      { type: 'backoff', command, failures: 1, delayMs: 1000, code: 'EXIT_STATUS' },
    ]);
  });
});
