import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from './demoAws.js';
import { writeDemoWorkspace } from './demoWorkspace.js';
import { type ProviderServer, startProviderServer } from './server/providerServer.js';
import { CLI, runCli } from './test-support/runCli.js';

const CANARY_KEY = 'sk-canary-e2e-7f3a9c1d5b2e8f4a6c0d';
const WRONG_KEY = 'sk-canary-wrong-0b1c2d3e4f5a6b7c8d9e';
let home: string;
let server: ProviderServer;
let env: NodeJS.ProcessEnv;
const outputs: string[] = [];

async function cli(args: string[], input?: string) {
  const result = await runCli(['--home', home, ...args], { env, ...(input === undefined ? {} : { input }) });
  outputs.push(result.stdout, result.stderr);
  return result;
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'xdemo-e2e-'));
  server = await startProviderServer({
    apiKeys: [CANARY_KEY],
    aws: {
      credentials: DEMO_AWS_CREDENTIALS,
      region: DEMO_AWS_REGION,
      services: ['bedrock-mantle', 'bedrock'],
    },
  });
  const workspace = await writeDemoWorkspace(home, server);
  env = { ...workspace.awsEnv, HOME: home };
});

afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

describe('xdemo', () => {
  it('has help text for every command', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['login', 'logout', 'providers', 'models', 'ask', 'serve', 'tour']) {
      expect(help.stdout).toContain(command);
      const sub = await cli([command, '--help']);
      expect(sub.code).toBe(0);
      expect(sub.stdout).toMatch(/Usage: xdemo/);
    }
  });

  it('round-trips login, status and logout with the key read from stdin and masked', async () => {
    expect((await cli(['login', 'status'])).code).toBe(1);
    const login = await cli(['login', '--with-api-key'], `${CANARY_KEY}\n`);
    expect(login.code).toBe(0);
    const authJson = join(home, 'auth.json');
    expect(JSON.parse(await readFile(authJson, 'utf8')).OPENAI_API_KEY).toBe(CANARY_KEY);
    expect((await stat(authJson)).mode & 0o777).toBe(0o600);
    const status = await cli(['login', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(
      `Logged in using apikey (key ${CANARY_KEY.slice(0, 8)}***${CANARY_KEY.slice(-5)}`,
    );
    const logout = await cli(['logout']);
    expect(logout.stdout).toContain('Logged out.');
    expect((await cli(['login', 'status'])).stderr).toContain('Not logged in');
    expect((await cli(['logout'])).stdout).toContain('nothing to remove');
  });

  it('logs in with a Bedrock API key and its region', async () => {
    const login = await cli(
      ['login', '--with-bedrock-api-key', '--region', 'us-west-2'],
      'bedrock-api-key-canary-value-1234\n',
    );
    expect(login.code).toBe(0);
    const status = await cli(['login', 'status']);
    expect(status.stdout).toMatch(
      /Logged in using bedrockApiKey \(key bedrock-\*\*\*-1234, region us-west-2/,
    );
    await cli(['logout']);
  });

  it('refuses a secret on a terminal and an empty stdin, with exit code 2 and how to pipe it', async () => {
    const empty = await cli(['login', '--with-api-key'], '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('printenv OPENAI_API_KEY | xdemo login --with-api-key');
    // A real pseudo-terminal on stdin, through util-linux `script`.
    const command = [process.execPath, CLI, '--home', home, 'login', '--with-api-key']
      .map((a) => `'${a}'`)
      .join(' ');
    const tty = await promisify(execFile)('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, ...env },
    }).catch((e: { code: number; stdout: string }) => e);
    expect(tty.stdout).toContain('is read from stdin, not typed at a terminal');
    expect((tty as { code?: number }).code).toBe(2);
    expect((await cli(['login', '--with-bedrock-api-key'], 'x')).code).toBe(2);
  });

  it('lists providers with base URL and auth method, as text and JSON', async () => {
    const text = await cli(['providers']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/xdemo-command\s+command\s+http:\/\/127\.0\.0\.1:\d+\/v1/);
    const json = JSON.parse((await cli(['providers', '--json'])).stdout) as {
      id: string;
      authMethod: string;
    }[];
    expect(json.find((p) => p.id === 'amazon-bedrock')?.authMethod).toBe('aws-bedrock');
  });

  it('lists models and streams answers through each auth path, verified by the server', async () => {
    await cli(['login', '--with-api-key'], CANARY_KEY);
    const models = await cli(['models', '--provider', 'xdemo-apikey']);
    expect(models.stdout.trim().split('\n')).toEqual(['demo-echo-1', 'demo-echo-mini']);
    const cases = [
      ['xdemo-apikey', 'api-key'],
      ['xdemo-command', 'command-token'],
      ['amazon-bedrock', 'sigv4'],
    ] as const;
    for (const [provider, kind] of cases) {
      const ask = await cli(['ask', '--provider', provider, 'hi there']);
      expect(ask.stderr).toBe('');
      expect(ask.stdout).toBe(`echo: hi there [verified: ${kind}]\n`);
      expect(ask.code).toBe(0);
    }
    const whole = await cli(['ask', '--provider', 'xdemo-apikey', '--no-stream', 'whole']);
    expect(whole.stdout).toBe('echo: whole [verified: api-key]\n');
  });

  it('rejects a wrong key with the auth exit code and a one-line message', async () => {
    await cli(['login', '--with-api-key'], WRONG_KEY);
    const ask = await cli(['ask', '--provider', 'xdemo-apikey', 'hi']);
    expect(ask.code).toBe(3);
    expect(ask.stderr.trim().split('\n')).toHaveLength(1);
    expect(ask.stderr).toContain('Incorrect API key provided');
    await cli(['logout']);
  });

  it('gives distinct exit codes for usage and network failures', async () => {
    expect((await cli(['ask'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    const badPort = await cli(['serve', '--port', 'abc']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain("option '--port <port>' argument 'abc' is invalid");
    const badRegion = await cli(['login', '--with-bedrock-api-key', '--region', 'moon'], 'x');
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr.trim().split('\n')).toHaveLength(1);
    const down = await runCli(['--home', home, 'models', '--provider', 'ollama'], {
      env: { ...env, HOME: home },
    });
    outputs.push(down.stdout, down.stderr);
    // Nothing listens on ollama's port here: the provider cannot be reached.
    expect(down.code).toBe(4);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('takes the home from XDEMO_HOME, and prints a stack trace only with --verbose', async () => {
    const viaEnv = await runCli(['login', 'status'], { env: { ...env, XDEMO_HOME: home } });
    const viaFlag = await cli(['login', 'status']);
    expect(viaEnv.code).toBe(viaFlag.code);
    expect(viaEnv.stdout).toBe(viaFlag.stdout);
    const quiet = await cli(['ask', '--provider', 'nope', 'hi']);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1);
    expect(quiet.stderr).toContain('no provider with id `nope`');
    const verbose = await cli(['--verbose', 'ask', '--provider', 'nope', 'hi']);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });

  it('runs the tour: every auth path verified, exit 0', async () => {
    const tour = await cli(['tour']);
    expect(tour.code).toBe(0);
    for (const provider of ['xdemo-apikey', 'xdemo-command', 'amazon-bedrock', 'amazon-bedrock-runtime']) {
      expect(tour.stdout).toMatch(new RegExp(`${provider}\\s+\\S+\\s+yes \\(`));
    }
    expect(tour.stdout).toMatch(/xdemo-command\s+command\s+yes \(command-token\)\s+1\s/);
    expect(tour.stdout).toContain('All 5 auth paths verified by the server.');
  });

  it('never prints a secret', () => {
    const all = outputs.join('\n');
    expect(all).not.toContain(CANARY_KEY);
    expect(all).not.toContain(WRONG_KEY);
    expect(all).not.toContain('bedrock-api-key-canary-value-1234');
    expect(all).not.toContain(DEMO_AWS_CREDENTIALS.secretAccessKey);
  });
});

describe('xdemo serve', () => {
  it('serves in the foreground, prints its URL and a config snippet, answers asks, and stops on SIGTERM', async () => {
    const serveHome = await mkdtemp(join(tmpdir(), 'xdemo-serve-'));
    const child = spawn(process.execPath, [CLI, '--home', serveHome, 'serve'], {
      env: { PATH: process.env.PATH, HOME: serveHome },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await vi.waitFor(() => expect(stdout).toContain('Press Ctrl-C to stop.'), { timeout: 20_000 });
      expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      expect(stdout).toMatch(
        /\[model_providers\.xdemo\]\n\s*name = "xdemo"\n\s*base_url = "http:\/\/127\.0\.0\.1:\d+\/v1"/,
      );
      const ask = await runCli(['--home', serveHome, 'ask', '--provider', 'xdemo-apikey', 'served'], {
        env: { HOME: serveHome },
      });
      expect(ask.stdout).toBe('echo: served [verified: api-key]\n');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // The API key serve generates and stores is never printed.
      const stored = JSON.parse(await readFile(join(serveHome, 'auth.json'), 'utf8'))
        .OPENAI_API_KEY as string;
      expect(stored).toMatch(/^sk-xdemo-/);
      expect(stdout + ask.stdout + ask.stderr).not.toContain(stored);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      await rm(serveHome, { recursive: true, force: true });
    }
  });
});
