import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyedServer } from './__testing__/keyedServer.js';
import { CLI, runCli } from './__testing__/runCli.js';
import { writeDemoWorkspace } from './demoWorkspace.js';
import type { ProviderServer } from './server/providerServer.js';

const KEY = 'sk-wait-notice-canary-7d3b1e9f5a2c';
let home: string;
let server: ProviderServer;
const env = (): NodeJS.ProcessEnv => ({ HOME: home });

/** A provider on the embedded server: its first request (per `id`) fails with a 503 asking for 2 s. */
const retrying = (id: string) => `
[model_providers.${id}]
name = "${id}"
base_url = "${server.openaiBaseUrl}"
env_key = "XDEMO_WAIT_KEY"
request_max_retries = 1
http_headers = { "x-xdemo-fail" = "503;retry-after=2;times=1;id=${id}" }
`;

/** A provider whose token command takes 1.5 s (or fails with exit 3) before printing the key. */
const command = (id: string, script: string) => `
[model_providers.${id}]
name = "${id}"
base_url = "${server.openaiBaseUrl}"

[model_providers.${id}.auth]
command = ${JSON.stringify(process.execPath)}
args = ["-e", ${JSON.stringify(script)}]
`;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'xdemo-wait-'));
  server = await startKeyedServer(KEY);
  const workspace = await writeDemoWorkspace(home, server);
  const slow = `setTimeout(() => console.log(${JSON.stringify(KEY)}), 1500)`;
  await appendFile(
    workspace.configFile,
    ['tty', 'piped', 'flagged'].map(retrying).join('') +
      command('slow-command', slow) +
      command('failing-command', 'process.exit(3)'),
  );
});

afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

/** `xdemo` with a pseudo-terminal as stdin, stdout and stderr (util-linux `script`); all output merged. */
function runInTerminal(args: string[]): Promise<{ code: number | null; output: string }> {
  const line = [process.execPath, CLI, ...args].map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', line, '/dev/null'], {
      env: { PATH: process.env.PATH, XDEMO_WAIT_KEY: KEY, ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('xdemo says so when a request waits a second or more', () => {
  it('on a terminal: the retry wait, with its length, status and attempt', async () => {
    const result = await runInTerminal(['--home', home, 'models', '--provider', 'tty']);
    expect(result.output).toContain('xdemo: retrying in 2.0 s after 503 (attempt 2 of 2)');
    expect(result.code).toBe(0);
  });

  it('piped: nothing on stderr, unless --progress asks for it', async () => {
    const piped = await runCli(['--home', home, 'models', '--provider', 'piped'], {
      env: { ...env(), XDEMO_WAIT_KEY: KEY },
    });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    const flagged = await runCli(['--home', home, '--progress', 'models', '--provider', 'flagged'], {
      env: { ...env(), XDEMO_WAIT_KEY: KEY },
    });
    expect(flagged.code).toBe(0);
    expect(flagged.stderr).toBe('xdemo: retrying in 2.0 s after 503 (attempt 2 of 2)\n');
  });

  it('a token command that takes longer than a second', async () => {
    const flagged = await runCli(['--home', home, '--progress', 'models', '--provider', 'slow-command'], {
      env: env(),
    });
    expect(flagged.code).toBe(0);
    expect(flagged.stderr).toBe('xdemo: waiting for the token command…\n');
    const piped = await runCli(['--home', home, 'models', '--provider', 'slow-command'], { env: env() });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  });
});

describe('xdemo reports the coded error under the client wrapper (explainError)', () => {
  it('a failing token command: its code and message, not "Connection error.", exit 3', async () => {
    const result = await runCli(['--home', home, 'models', '--provider', 'failing-command'], { env: env() });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^xdemo: error: .*\(EXIT_STATUS\)\n$/);
    expect(result.stderr).not.toContain('Connection error');
  });
});
