import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyedServer } from './__testing__/keyedServer.js';
import { runCli } from './__testing__/runCli.js';
import { writeDemoWorkspace } from './demoWorkspace.js';
import { composedPackages, readPackageVersions } from './packageVersions.js';
import type { ProviderServer } from './server/providerServer.js';

const KEY = 'sk-conventions-canary-4c1e9a7b3d5f';
const WRONG_KEY = 'sk-conventions-wrong-8e2f6a0c4b1d';
let home: string;
let server: ProviderServer;
let env: NodeJS.ProcessEnv;
const printed: string[] = [];

async function cli(args: string[], input?: string) {
  const result = await runCli(['--home', home, ...args], { env, ...(input === undefined ? {} : { input }) });
  printed.push(result.stdout, result.stderr);
  return result;
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'xdemo-conventions-'));
  server = await startKeyedServer(KEY);
  const workspace = await writeDemoWorkspace(home, server);
  // Providers on the same server that it fails on purpose, and one on a port nobody listens on.
  const failing = (id: string, fail: string) => `
[model_providers.${id}]
name = "${id}"
base_url = "${server.openaiBaseUrl}"
requires_openai_auth = true
request_max_retries = 0
http_headers = { "x-xdemo-fail" = "${fail}" }
`;
  await appendFile(
    workspace.configFile,
    `${failing('always-503', '503;times=1000')}${failing('always-429', '429;retry-after=9;times=1000')}
[model_providers.nobody-home]
name = "nobody home"
base_url = "http://127.0.0.1:${await closedPort()}/v1"
requires_openai_auth = true
request_max_retries = 0
`,
  );
  env = { ...workspace.awsEnv, HOME: home };
});

afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

describe('xdemo, by CLI convention', () => {
  it('prints its version and the @x package versions with --version and -V', async () => {
    const packages = await readPackageVersions();
    for (const flag of ['--version', '-V']) {
      const result = await cli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^xdemo \d+\.\d+\.\d+\S* \(/);
      for (const { name, version } of packages) expect(result.stdout).toContain(`${name} ${version}`);
      expect(result.stdout.trim().split('\n')).toHaveLength(1);
    }
  });

  it('says how to log in when logged out, exit 1, with --json too', async () => {
    const text = await cli(['login', 'status']);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^xdemo: error: Not logged in/);
    expect(text.stderr).toContain('printenv OPENAI_API_KEY | xdemo login --with-api-key');
    expect(text.stderr).toContain('xdemo login --with-bedrock-api-key --region');
    const json = await cli(['login', 'status', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ loggedIn: false, mode: null });
  });

  it('prints JSON alone on stdout for login status, models, providers, versions and tour', async () => {
    expect((await cli(['login', '--with-api-key'], KEY)).code).toBe(0);
    const status = await cli(['login', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      loggedIn: true,
      mode: 'apikey',
      maskedKey: expect.any(String),
    });

    const models = await cli(['models', '--provider', 'xdemo-apikey', '--json']);
    expect(models.code).toBe(0);
    expect((JSON.parse(models.stdout) as { id: string }[]).map((m) => m.id)).toEqual([
      'demo-echo-1',
      'demo-echo-mini',
    ]);

    const providers = await cli(['providers', '--json']);
    expect((JSON.parse(providers.stdout) as { id: string }[]).map((p) => p.id)).toContain('nobody-home');

    const versions = await cli(['versions', '--json']);
    const parsed = JSON.parse(versions.stdout) as { name: string; packages: { name: string }[] };
    expect(parsed.name).toBe('@x/demo');
    expect(parsed.packages.map((p) => p.name)).toEqual([...composedPackages]);

    const tour = await cli(['tour', '--json']);
    expect(tour.code).toBe(0);
    const report = JSON.parse(tour.stdout) as { ok: boolean; rows: { ok: boolean; verifiedBy: string }[] };
    expect(report.ok).toBe(true);
    expect(report.rows.map((r) => r.verifiedBy)).toEqual([
      'api-key',
      'command-token',
      'command-token',
      'sigv4',
      'bedrock-api-key',
      'agent-identity',
      'agent-identity',
      'api-key',
    ]);
    expect(tour.stderr).toContain('xdemo tour: server');
  });

  it('exits 2 on usage errors, with one prefix and a pointer at the subcommand help', async () => {
    const unknown = await cli(['models', '--provider', 'xdemo-apikey', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "xdemo: error: unknown option '--bogus'\n(run xdemo models --help for usage)\n",
    );
    const nested = await cli(['login', 'status', '--bogus']);
    expect(nested.stderr).toContain('(run xdemo login status --help for usage)');
    const ours = await cli(['login', '--with-api-key', '--with-bedrock-api-key']);
    expect(ours.code).toBe(2);
    expect(ours.stderr).toBe(
      'xdemo: error: choose one of --with-api-key, --with-bedrock-api-key, --agent-identity (INVALID_USAGE)\n(run xdemo login --help for usage)\n',
    );
  });

  it('exits 0, 3, 4 and 5 for answered, refused, unreachable and failing providers', async () => {
    expect((await cli(['models', '--provider', 'xdemo-apikey'])).code).toBe(0);

    const failing = await cli(['models', '--provider', 'always-503']);
    expect(failing.code).toBe(5);
    expect(failing.stderr).toMatch(/^xdemo: error: 503 failing on purpose with 503/);

    const unreachable = await cli(['models', '--provider', 'nobody-home']);
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toMatch(
      /^xdemo: error: GET \/v1\/models failed after 1 attempt\(s\): ECONNREFUSED \(TRANSPORT\)\n$/,
    );

    const limited = await cli(['ask', '--provider', 'always-429', 'hi']);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/^xdemo: error: 429 failing on purpose with 429/);

    await cli(['login', '--with-api-key'], WRONG_KEY);
    const refused = await cli(['models', '--provider', 'xdemo-apikey']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toBe('xdemo: error: 401 Incorrect API key provided.\n');
    const refusedAsk = await cli(['ask', '--provider', 'xdemo-apikey', 'hi']);
    expect(refusedAsk.code).toBe(3);
  });

  it('with --verbose prints the cause chain, naming foreign errors without their messages', async () => {
    const result = await cli(['--verbose', 'models', '--provider', 'nobody-home']);
    expect(result.code).toBe(4);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('xdemo: error: GET /v1/models failed after 1 attempt(s): ECONNREFUSED (TRANSPORT)');
    expect(lines[1]).toBe('  APIConnectionError');
    expect(result.stderr).toContain('caused by: ProviderRequestError [TRANSPORT]: GET /v1/models failed');
    expect(result.stderr).toMatch(/caused by: \w+ \[ECONNREFUSED\]\n/);
    expect(result.stderr).not.toContain('Connection error.');
    expect(result.stderr).not.toMatch(/connect ECONNREFUSED 127/);
  });

  it('never prints a key', () => {
    const all = printed.join('\n');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(WRONG_KEY);
  });
});
