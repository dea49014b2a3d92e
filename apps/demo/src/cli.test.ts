import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './__testing__/rawRequest.js';
import { CLI, runCli } from './__testing__/runCli.js';
import { spawnServe } from './__testing__/spawnServe.js';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from './demoAws.js';
import { writeDemoWorkspace } from './demoWorkspace.js';
import { CONTROL_SECRET_HEADER } from './server/controlSecret.js';
import { type ProviderServer, startProviderServer } from './server/providerServer.js';

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
    const status = await cli(['login', 'status', '--help']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Usage: xdemo login status/);
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
    expect(tty.stdout).toContain('pipe it in, e.g.: printenv OPENAI_API_KEY | xdemo login --with-api-key');
    expect((tty as { code?: number }).code).toBe(2);
    const bedrockCommand = `${command.replace("'--with-api-key'", "'--with-bedrock-api-key'")} '--region' 'us-east-1'`;
    const bedrockTty = await promisify(execFile)('script', ['-qec', bedrockCommand, '/dev/null'], {
      env: { ...process.env, ...env },
    }).catch((e: { code: number; stdout: string }) => e);
    expect(bedrockTty.stdout).toContain(
      'printenv AWS_BEARER_TOKEN_BEDROCK | xdemo login --with-bedrock-api-key --region us-east-1',
    );
    expect((bedrockTty as { code?: number }).code).toBe(2);
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
    // Logged in, the listing still shows where and how, never the key.
    await cli(['login', '--with-api-key'], CANARY_KEY);
    const loggedIn = await cli(['providers', '--json']);
    expect(loggedIn.code).toBe(0);
    expect(loggedIn.stdout).not.toContain(CANARY_KEY);
    const apikey = (
      JSON.parse(loggedIn.stdout) as { id: string; baseUrl: string; authMethod: string }[]
    ).find((p) => p.id === 'xdemo-apikey');
    expect(apikey).toMatchObject({ baseUrl: `${server.origin}/v1`, authMethod: expect.any(String) });
    expect((await cli(['providers'])).stdout).not.toContain(CANARY_KEY);
    await cli(['logout']);
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
    const { sse, json } = server.stats.responses;
    for (const [provider, kind] of cases) {
      const ask = await cli(['ask', '--provider', provider, 'hi there']);
      expect(ask.stderr).toBe('');
      expect(ask.stdout).toBe(`echo: hi there [verified: ${kind}]\n`);
      expect(ask.code).toBe(0);
    }
    // Each ask streamed its answer over SSE; only --no-stream asked for one JSON body.
    expect(server.stats.responses).toEqual({ sse: sse + cases.length, json });
    const whole = await cli(['ask', '--provider', 'xdemo-apikey', '--no-stream', 'whole']);
    expect(whole.stdout).toBe('echo: whole [verified: api-key]\n');
    expect(server.stats.responses).toEqual({ sse: sse + cases.length, json: json + 1 });
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
    // One error line, then the pointer at the subcommand's help.
    expect(badRegion.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^xdemo: error: .*\(INVALID_REGION\)$/),
      '(run xdemo login --help for usage)',
    ]);
    const down = await runCli(['--home', home, 'models', '--provider', 'ollama'], {
      env: { ...env, HOME: home },
    });
    outputs.push(down.stdout, down.stderr);
    // Nothing listens on ollama's port here: the provider cannot be reached.
    expect(down.code).toBe(4);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('takes the home from --home, else XDEMO_HOME, else ~/.xdemo', async () => {
    const base = await mkdtemp(join(tmpdir(), 'xdemo-homes-'));
    try {
      const [envHome, flagHome] = [join(base, 'env-home'), join(base, 'flag-home')];
      const run = async (args: string[], extra: NodeJS.ProcessEnv, input?: string) => {
        const result = await runCli(args, { env: { HOME: base, ...extra }, ...(input ? { input } : {}) });
        outputs.push(result.stdout, result.stderr);
        return result;
      };
      // XDEMO_HOME alone decides where the login goes.
      expect((await run(['login', '--with-api-key'], { XDEMO_HOME: envHome }, CANARY_KEY)).code).toBe(0);
      expect(JSON.parse(await readFile(join(envHome, 'auth.json'), 'utf8')).OPENAI_API_KEY).toBe(CANARY_KEY);
      expect((await run(['--home', envHome, 'login', 'status'], {})).code).toBe(0);
      // --home wins over XDEMO_HOME.
      expect((await run(['--home', flagHome, 'login', 'status'], { XDEMO_HOME: envHome })).code).toBe(1);
      // Neither: ~/.xdemo under HOME.
      expect((await run(['login', '--with-api-key'], {}, CANARY_KEY)).code).toBe(0);
      expect(JSON.parse(await readFile(join(base, '.xdemo', 'auth.json'), 'utf8')).OPENAI_API_KEY).toBe(
        CANARY_KEY,
      );
      expect((await run(['login', 'status'], {})).stdout).toContain('Logged in using apikey');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it('prints a stack trace only with --verbose', async () => {
    const quiet = await cli(['ask', '--provider', 'nope', 'hi']);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr.trim().split('\n')).toHaveLength(2);
    expect(quiet.stderr).toContain('(run xdemo ask --help for usage)');
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
    // Agent Identity twice: the server verified the assertion, with a plain then a sealed task id.
    expect(tour.stdout).toMatch(/xdemo-agent\s+openai-login\s+yes \(agent-identity\)\s+0\s.*\(task_id\)/);
    expect(tour.stdout).toMatch(
      /xdemo-agent\s+openai-login\s+yes \(agent-identity\)\s+0\s.*\(encrypted_task_id\)/,
    );
    // A Codex-style home whose profile picks the provider and model, logged in through that home.
    expect(tour.stdout).toMatch(
      /xdemo-codex\s+openai-login\s+yes \(api-key\)\s+0\s.*Codex home, profile xdemo: xdemo-codex, demo-echo-1\n/,
    );
    expect(tour.stdout).toContain('All 8 auth paths verified by the server.');
    // The keys and tokens the tour makes for itself stay out of its output: no API key, Bedrock key
    // or minted token, no JWT (base64url JSON opens with `eyJ`), no Ed25519 PKCS#8 key in base64.
    expect(tour.stdout + tour.stderr).not.toMatch(
      /sk-xdemo-|bedrock-api-key-|demo-cmd-|eyJ|MC4CAQAwBQYDK2Vw/,
    );
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
    const serve = spawnServe(['--home', serveHome, 'serve'], { HOME: serveHome });
    try {
      await serve.ready();
      const stdout = serve.stdout();
      expect(stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      expect(stdout).toMatch(
        /\[model_providers\.xdemo\]\n\s*name = "xdemo"\n\s*base_url = "http:\/\/127\.0\.0\.1:\d+\/v1"/,
      );
      const ask = await runCli(['--home', serveHome, 'ask', '--provider', 'xdemo-apikey', 'served'], {
        env: { HOME: serveHome },
      });
      expect(ask.stdout).toBe('echo: served [verified: api-key]\n');
      // The token command mints through serve's server with the control secret from its 0600 file.
      const command = await runCli(['--home', serveHome, 'ask', '--provider', 'xdemo-command', 'minted'], {
        env: { HOME: serveHome },
      });
      expect(command.stdout).toBe('echo: minted [verified: command-token]\n');
      const controlSecret = (await readFile(join(serveHome, 'bin', 'control-secret'), 'utf8')).trim();
      expect(controlSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const help = await runCli(['--home', serveHome, 'serve', '--help'], { env: { HOME: serveHome } });
      expect(help.stdout).toContain('(421 otherwise)');
      // serve's server refuses a foreign Host, even with the control secret.
      const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
      const rebound = await rawRequest(port, {
        method: 'POST',
        target: '/demo/mint',
        headers: { host: `rebound.example:${port}`, [CONTROL_SECRET_HEADER]: controlSecret },
      });
      expect(rebound.status).toBe(421);
      const printed = [stdout, serve.stderr(), command.stdout, command.stderr, help.stdout, help.stderr];
      expect(printed.join('\n')).not.toContain(controlSecret);
      expect(await serve.stop(), serve.stderr()).toEqual({ code: 0, signal: null });
      // The API key serve generates and stores is never printed; a chosen home is kept.
      const stored = JSON.parse(await readFile(join(serveHome, 'auth.json'), 'utf8'))
        .OPENAI_API_KEY as string;
      expect(stored).toMatch(/^sk-xdemo-/);
      expect(stdout + ask.stdout + ask.stderr).not.toContain(stored);
    } finally {
      await serve.stop();
      await rm(serveHome, { recursive: true, force: true });
    }
  });

  it('without --home or XDEMO_HOME leaves ~/.xdemo alone and uses a temporary home it removes on stop', async () => {
    const userHome = await mkdtemp(join(tmpdir(), 'xdemo-user-'));
    const xdemoHome = join(userHome, '.xdemo');
    // The user's own login and config, which serve must not replace.
    expect(
      (await runCli(['login', '--with-api-key'], { env: { HOME: userHome }, input: CANARY_KEY })).code,
    ).toBe(0);
    await writeFile(join(xdemoHome, 'config.toml'), 'model = "mine"\n');
    const before = await readFile(join(xdemoHome, 'auth.json'), 'utf8');
    const serve = spawnServe(['serve'], { HOME: userHome });
    try {
      await serve.ready();
      const temporary = /export XDEMO_HOME=(\S+)/.exec(serve.stdout())?.[1] ?? '';
      expect(temporary).not.toBe('');
      expect(temporary.startsWith(xdemoHome)).toBe(false);
      expect(serve.stdout()).toContain(`Home: ${temporary} (temporary, removed on stop).`);
      const ask = await runCli(['ask', '--provider', 'xdemo-apikey', 'temp'], {
        env: { HOME: userHome, XDEMO_HOME: temporary },
      });
      expect(ask.stdout).toBe('echo: temp [verified: api-key]\n');
      expect(await readFile(join(xdemoHome, 'config.toml'), 'utf8')).toBe('model = "mine"\n');
      expect(await readFile(join(xdemoHome, 'auth.json'), 'utf8')).toBe(before);
      expect(await serve.stop(), serve.stderr()).toEqual({ code: 0, signal: null });
      await expect(stat(temporary)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(serve.stdout()).not.toContain(CANARY_KEY);
    } finally {
      await serve.stop();
      await rm(userHome, { recursive: true, force: true });
    }
  });

  it('refuses a chosen home that already has config.toml or auth.json, unless --force, and says what it replaced', async () => {
    const chosen = await mkdtemp(join(tmpdir(), 'xdemo-chosen-'));
    try {
      await writeFile(join(chosen, 'config.toml'), 'model = "mine"\n');
      const refused = await runCli(['--home', chosen, 'serve'], { env: { HOME: chosen } });
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(2);
      expect(refused.stderr).toContain('(run xdemo serve --help for usage)');
      expect(refused.stderr).toContain(`${chosen} already has config.toml; serve would replace them`);
      expect(refused.stderr).toContain('--force');
      expect(await readFile(join(chosen, 'config.toml'), 'utf8')).toBe('model = "mine"\n');
      await expect(stat(join(chosen, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });

      const viaEnv = await runCli(['serve'], { env: { HOME: chosen, XDEMO_HOME: chosen } });
      expect(viaEnv.code).toBe(2);

      const forced = spawnServe(['--home', chosen, 'serve', '--force'], { HOME: chosen });
      try {
        await forced.ready();
        expect(forced.stdout()).toContain(`Replaced the existing config.toml in ${chosen} (--force).`);
        expect(await readFile(join(chosen, 'config.toml'), 'utf8')).toMatch(/^# Written by xdemo/);
      } finally {
        expect(await forced.stop(), forced.stderr()).toEqual({ code: 0, signal: null });
      }
      // A chosen home is kept after stop.
      expect((await stat(join(chosen, 'auth.json'))).isFile()).toBe(true);
    } finally {
      await rm(chosen, { recursive: true, force: true });
    }
  });
});
