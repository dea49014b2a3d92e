import { describe, expect, it } from 'vitest';
import { manualClock, scriptDirPerTest } from '../__testing__/testScripts.js';
import {
  type CommandTokenEvent,
  type CommandTokenSource,
  type CommandTokenSourceOptions,
  createCommandTokenSource,
} from '../index.js';

const scripts = scriptDirPerTest();

/** Waits until the background run has finished (its run-end event arrived). */
async function settled(events: CommandTokenEvent[], runEnds: number): Promise<void> {
  await expect.poll(() => events.filter((event) => event.type === 'run-end').length).toBe(runEnds);
}

describe('refresh interval (text output)', () => {
  it('reuses the token while younger than refreshIntervalMs, then runs again', async () => {
    const clock = manualClock();
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
    const source = createCommandTokenSource({ command, refreshIntervalMs: 60_000, now: clock.now });
    expect(await source.getToken()).toBe('token-1');
    clock.advance(30_000);
    expect(await source.getToken()).toBe('token-1');
    expect(await scripts.runs()).toBe(1);
    clock.advance(30_000);
    expect(await source.getToken()).toBe('token-2');
    expect(await scripts.runs()).toBe(2);
  });

  it('in the last quarter of the interval serves the cached token and refreshes once in the background', async () => {
    const clock = manualClock();
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
    const events: CommandTokenEvent[] = [];
    const source = createCommandTokenSource({
      command,
      refreshIntervalMs: 60_000,
      now: clock.now,
      onEvent: (event) => events.push(event),
    });
    expect(await source.getToken()).toBe('token-1');
    clock.advance(50_000); // past 45 s (three quarters), before 60 s
    const served = await Promise.all(Array.from({ length: 50 }, () => source.getToken()));
    expect(new Set(served)).toEqual(new Set(['token-1']));
    await settled(events, 2);
    expect(await scripts.runs()).toBe(2);
    expect(events.find((event) => event.type === 'run-start' && event.run === 2)).toMatchObject({
      reason: 'expiring',
    });
    expect(await source.getToken()).toBe('token-2');
    // past the new token's interval: callers wait for a run, reported as 'expired'
    clock.advance(60_000);
    expect(await source.getToken()).toBe('token-3');
    expect(events.filter((event) => event.type === 'cache-miss').map((event) => event.reason)).toEqual([
      'cold',
      'expired',
    ]);
  });

  it('refreshIntervalMs 0 keeps the token until a 401', async () => {
    const clock = manualClock();
    const command = await scripts.counting('token.mjs', { stdout: 'token-{n}' });
    const source = createCommandTokenSource({ command, refreshIntervalMs: 0, now: clock.now });
    expect(await source.getToken()).toBe('token-1');
    clock.advance(365 * 24 * 3600_000);
    expect(await source.getToken()).toBe('token-1');
    expect(await scripts.runs()).toBe(1);
    expect(await source.refresh({ staleToken: 'token-1' })).toBe('token-2');
  });
});

/** A source reading JSON output on the test's clock; `options` adds the settings a test is about. */
function jsonSource(
  command: string,
  clock: { now: () => number },
  options: Omit<CommandTokenSourceOptions, 'command'> = {},
): CommandTokenSource {
  return createCommandTokenSource({ command, output: 'json', now: clock.now, ...options });
}

describe('JSON output with an expiry', () => {
  it('caches until shortly before expiry and refreshes in the background while serving the current token', async () => {
    const clock = manualClock();
    const expiresAt = new Date(clock.now() + 3600_000).toISOString();
    const command = await scripts.counting('json.mjs', {
      stdout: JSON.stringify({ token: 'json-{n}', expires_at: expiresAt }),
    });
    const events: CommandTokenEvent[] = [];
    const source = jsonSource(command, clock, {
      refreshIntervalMs: 0,
      onEvent: (event) => events.push(event),
    });
    expect(await source.getToken()).toBe('json-1');
    expect(source.describe().expiresAt).toEqual(new Date(expiresAt));
    clock.advance(3000_000); // 50 min: not yet in the refresh window (it opens 2 min before the hard stop, 30 s before expiry)
    expect(await source.getToken()).toBe('json-1');
    expect(await scripts.runs()).toBe(1);
    clock.advance(460_000); // 57 min 40 s: inside the window, the current token is still served
    const served = await Promise.all(Array.from({ length: 100 }, () => source.getToken()));
    expect(new Set(served)).toEqual(new Set(['json-1']));
    await settled(events, 2);
    expect(await scripts.runs()).toBe(2); // one background run for all 100 callers
    expect(events.find((event) => event.type === 'run-start' && event.run === 2)).toMatchObject({
      reason: 'expiring',
    });
    // the background result is served from now on; obtained just now, it is not yet in its own window
    expect(await source.getToken()).toBe('json-2');
    expect(await scripts.runs()).toBe(2);
  });

  it('a failed background refresh keeps serving the still-valid token, then blocks once it is past', async () => {
    const clock = manualClock();
    const expiresAt = Math.floor((clock.now() + 600_000) / 1000); // epoch seconds
    const flag = `${scripts.dir}/broken`;
    const command = await scripts.node(
      'flaky.mjs',
      [
        "import { appendFileSync, existsSync } from 'node:fs';",
        `appendFileSync(${JSON.stringify(`${scripts.dir}/runs.log`)}, 'run\\n');`,
        `if (existsSync(${JSON.stringify(flag)})) { process.stderr.write('helper is down'); process.exit(2); }`,
        `process.stdout.write(JSON.stringify({ token: 'valid-token', expires_at: ${expiresAt} }));`,
      ].join('\n'),
    );
    const events: CommandTokenEvent[] = [];
    const source = jsonSource(command, clock, {
      refreshIntervalMs: 0,
      random: () => 0,
      onEvent: (event) => events.push(event),
    });
    expect(await source.getToken()).toBe('valid-token');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(flag, '');
    clock.advance(500_000); // inside the window (hard stop at 570 s)
    expect(await source.getToken()).toBe('valid-token');
    await settled(events, 2);
    expect(source.describe()).toMatchObject({ runs: 2, failures: 1 });
    // still valid: served without a new run, even during backoff
    expect(await source.getToken()).toBe('valid-token');
    expect(await scripts.runs()).toBe(2);
    clock.advance(80_000); // past the hard stop and past the backoff: callers wait for a run, which fails
    const error = await source.getToken().catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('EXIT_STATUS');
    expect(await scripts.runs()).toBe(3);
  });

  it('never caches past refreshIntervalMs, whatever the expiry', async () => {
    const clock = manualClock();
    const command = await scripts.counting('json.mjs', {
      stdout: JSON.stringify({ token: 'json-{n}', expires_at: '2099-01-01T00:00:00Z' }),
    });
    const source = jsonSource(command, clock, { refreshIntervalMs: 10_000 });
    expect(await source.getToken()).toBe('json-1');
    clock.advance(10_000);
    expect(await source.getToken()).toBe('json-2');
    expect(await scripts.runs()).toBe(2);
  });

  it('reads a Kubernetes ExecCredential and uses its expirationTimestamp', async () => {
    const clock = manualClock();
    const expirationTimestamp = new Date(clock.now() + 900_000).toISOString();
    const command = await scripts.counting('k8s.mjs', {
      stdout: JSON.stringify({
        apiVersion: 'client.authentication.k8s.io/v1',
        kind: 'ExecCredential',
        status: { token: 'k8s-{n}', expirationTimestamp },
      }),
    });
    const source = jsonSource(command, clock, { refreshIntervalMs: 0 });
    expect(await source.getToken()).toBe('k8s-1');
    expect(source.describe().expiresAt).toEqual(new Date(expirationTimestamp));
    clock.advance(880_000); // past the 30 s margin before expiry: a new run (same expiry, 20 s left)
    expect(await source.getToken()).toBe('k8s-2');
  });

  it('accepts JSON without an expiry and rejects output that has already expired', async () => {
    const clock = manualClock();
    const plain = await scripts.counting('plain.mjs', { stdout: '{"token":"no-expiry"}' });
    const source = jsonSource(plain, clock);
    expect(await source.getToken()).toBe('no-expiry');
    expect(source.describe().expiresAt).toBeUndefined();
    const expired = await scripts.counting('expired.mjs', {
      stdout: JSON.stringify({ token: 'old', expires_at: new Date(clock.now() - 1000).toISOString() }),
    });
    const stale = jsonSource(expired, clock);
    expect(await stale.getToken().catch((e: unknown) => e)).toMatchObject({
      code: 'EXPIRED_OUTPUT',
      message: `provider auth command \`${expired}\` returned a token that has already expired`,
    });
    const broken = await scripts.counting('broken.mjs', { stdout: '{"token": ' });
    const invalid = createCommandTokenSource({ command: broken, output: 'json' });
    expect(await invalid.getToken().catch((e: unknown) => e)).toMatchObject({ code: 'INVALID_JSON' });
  });
});
