import { backoffDelay } from '@x/auth-seam';
import { describe, expect, it } from 'vitest';
import { manualClock, scriptDirPerTest } from '../__testing__/testScripts.js';
import { CommandTokenError, type CommandTokenEvent, createCommandTokenSource } from '../index.js';

const scripts = scriptDirPerTest();

describe('backoff after failures', () => {
  it('runs a broken command once however many callers wait, and not again until the backoff has passed', async () => {
    const clock = manualClock();
    const command = await scripts.counting('broken.mjs', { stderr: 'helper is down', code: 1 });
    const events: CommandTokenEvent[] = [];
    const source = createCommandTokenSource({
      command,
      now: clock.now,
      random: () => 0.5,
      onEvent: (event) => events.push(event),
    });
    const first = await Promise.all(
      Array.from({ length: 200 }, () => source.getToken().catch((e: unknown) => e)),
    );
    expect(await scripts.runs()).toBe(1);
    expect(new Set(first).size).toBe(1);
    const lastError = first[0] as CommandTokenError;
    expect(lastError).toBeInstanceOf(CommandTokenError);
    expect(lastError.code).toBe('EXIT_STATUS');

    // during the backoff: the last error, typed, and no run; refresh() too
    for (let i = 0; i < 20; i++) await expect(source.getToken()).rejects.toBe(lastError);
    await expect(source.refresh()).rejects.toBe(lastError);
    expect(await scripts.runs()).toBe(1);
    expect(events.filter((event) => event.type === 'backoff-rejected')).toHaveLength(21);

    // the first delay is 1000 ms * (1/2 + 0.5/2) = 750 ms
    expect(events.find((event) => event.type === 'backoff')).toMatchObject({ failures: 1, delayMs: 750 });
    clock.advance(749);
    await expect(source.getToken()).rejects.toBe(lastError);
    expect(await scripts.runs()).toBe(1);
    clock.advance(1);
    await expect(source.getToken()).rejects.toMatchObject({ code: 'EXIT_STATUS' });
    expect(await scripts.runs()).toBe(2);

    // exponential: the second consecutive failure backs off twice as long
    const delays = events.flatMap((event) => (event.type === 'backoff' ? [event.delayMs] : []));
    expect(delays).toEqual([750, 1500]);
    expect(source.describe()).toEqual({ command, runs: 2, failures: 2 });
  });

  it('a success resets the backoff', async () => {
    const clock = manualClock();
    const flag = `${scripts.dir}/ok`;
    const command = await scripts.node(
      'flaky.mjs',
      [
        "import { appendFileSync, existsSync } from 'node:fs';",
        `appendFileSync(${JSON.stringify(`${scripts.dir}/runs.log`)}, 'run\\n');`,
        `if (!existsSync(${JSON.stringify(flag)})) process.exit(1);`,
        "process.stdout.write('recovered');",
      ].join('\n'),
    );
    const events: CommandTokenEvent[] = [];
    const source = createCommandTokenSource({
      command,
      now: clock.now,
      onEvent: (event) => events.push(event),
    });
    await expect(source.getToken()).rejects.toMatchObject({ code: 'EXIT_STATUS' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(flag, '');
    clock.advance(60_000);
    expect(await source.getToken()).toBe('recovered');
    expect(await source.refresh()).toBe('recovered');
    expect(await scripts.runs()).toBe(3);
    expect(events.filter((event) => event.type === 'backoff')).toHaveLength(1);
  });
});

describe('backoffDelay', () => {
  it('doubles per consecutive failure, jitters between half and all of it, and caps', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 0.999999)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 0)).toBe(2000);
    expect(backoffDelay(50, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(50, 1000, 60_000, () => 0)).toBe(30_000);
  });
});
