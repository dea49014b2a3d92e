import { causeChain, renderings } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { manualClock, scriptDirPerTest } from './__testing__/testScripts.js';
import { type CommandTokenEvent, createCommandTokenSource } from './index.js';

// Two canaries: one token-shaped (caught by pattern), one plain word (caught only because it is the
// cached token or the failing run's own stdout).
const SHAPED = 'c4n4ry7f3a9b2e1d0c8a6b4e2f0d9c7b5a3e1f';
const PLAIN = 'plantedcanaryvalue';

const scripts = scriptDirPerTest();

describe('canary: a planted secret appears nowhere', () => {
  it('in errors (message, cause chain, inspect, JSON), events, describe, inspect or JSON of the source', async () => {
    const seen: string[] = [];
    const events: CommandTokenEvent[] = [];
    const record = (value: unknown): void => {
      seen.push(...renderings(value));
    };
    const capture = async (promise: Promise<unknown>): Promise<void> => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      record(error);
    };
    const both = `${PLAIN} ${SHAPED}`;
    const failing = {
      'exit.mjs': `process.stdout.write(${JSON.stringify(both)}); process.stderr.write('failed for ' + ${JSON.stringify(both)}); process.exit(1);`,
      'badtoken.mjs': `process.stdout.write(${JSON.stringify(both)});`,
      'binary.mjs': `process.stdout.write(Buffer.concat([Buffer.from(${JSON.stringify(PLAIN)}), Buffer.from([0xff])]));`,
      'timeout.mjs': `process.stdout.write(${JSON.stringify(PLAIN)}); process.stderr.write(${JSON.stringify(`waiting ${both}`)}); setTimeout(() => {}, 30000);`,
      'big.mjs': `process.stdout.write(${JSON.stringify(`${PLAIN}\n`)}.repeat(10000)); process.stderr.write(${JSON.stringify(both)});`,
      'signal.mjs': `process.stdout.write(${JSON.stringify(PLAIN)}); process.stderr.write(${JSON.stringify(both)}); process.kill(process.pid, 'SIGKILL');`,
    };
    for (const [name, body] of Object.entries(failing)) {
      const command = await scripts.node(name, body);
      const source = createCommandTokenSource({
        command,
        timeoutMs: 500,
        onEvent: (event) => events.push(event),
      });
      await capture(source.getToken());
      record(source);
    }
    const jsonFailures = [
      `{"token": "${PLAIN}`,
      JSON.stringify({ token: PLAIN, expires_at: 'not-a-date' }),
      JSON.stringify({ token: PLAIN, expires_at: '2000-01-01T00:00:00Z' }),
      JSON.stringify({ access_token: PLAIN }),
    ];
    for (const [index, stdout] of jsonFailures.entries()) {
      const command = await scripts.counting(`json-${index}.mjs`, { stdout, stderr: PLAIN, code: 0 });
      const source = createCommandTokenSource({
        command,
        output: 'json',
        onEvent: (event) => events.push(event),
      });
      await capture(source.getToken());
    }

    // success, then a 401 refresh whose command fails and echoes the cached token to stderr
    const clock = manualClock();
    const flag = `${scripts.dir}/broken`;
    const command = await scripts.node(
      'flaky.mjs',
      [
        "import { existsSync } from 'node:fs';",
        `if (existsSync(${JSON.stringify(flag)})) { process.stderr.write('rejected token ${PLAIN}, see ${SHAPED}'); process.exit(4); }`,
        `process.stdout.write(${JSON.stringify(PLAIN)});`,
      ].join('\n'),
    );
    const source = createCommandTokenSource({
      command,
      now: clock.now,
      onEvent: (event) => events.push(event),
    });
    const authorized = await source.authorize({ method: 'GET', url: 'https://example.test', headers: {} });
    expect(authorized.headers.authorization).toBe(`Bearer ${PLAIN}`);
    record(source);
    record(source.describe());
    const { writeFile } = await import('node:fs/promises');
    await writeFile(flag, '');
    await capture(source.recover({ status: 401, headers: {} }));
    await capture(source.getToken()); // backoff: the same error again
    record(source);
    record(events);

    const everything = seen.join('\n');
    expect(everything).toContain('exited with status 4'); // the messages are there...
    expect(everything).toContain('rejected token [REDACTED]'); // ...with a redacted excerpt
    expect(everything).not.toContain(PLAIN);
    expect(everything).not.toContain(SHAPED);
    expect(everything).not.toContain(SHAPED.slice(0, 16));
  });

  it('in the cause chain of an error wrapped from an unexpected failure', async () => {
    const command = await scripts.counting('token.mjs', { stdout: 'fine-token' });
    // The clock is asked once by getToken, once before the run and once after it: the third call
    // fails with a text quoting a secret, as a platform error quoting a header might.
    let calls = 0;
    const source = createCommandTokenSource({
      command,
      now: () => {
        calls++;
        if (calls === 3) throw Object.assign(new Error(`clock broke near ${PLAIN}`), { code: 'ECLOCK' });
        return Date.UTC(2026, 0, 1);
      },
    });
    const error = await source.getToken().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    expect(calls).toBeGreaterThanOrEqual(3);
    const chain = causeChain(error);
    expect(chain.length).toBeGreaterThan(1); // the errno-like code is kept as a cause...
    expect(chain.at(-1)).toMatchObject({ code: 'ECLOCK' });
    const everything = renderings(error).join('\n');
    expect(everything).not.toContain(PLAIN); // ...the foreign text is not
    expect(everything).not.toContain('clock broke');
  });
});
