import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateKeyOf } from './__testing__/agentAssertion.js';
import { runCli } from './__testing__/runCli.js';
import { createDemoAgentIdentity, type DemoAgentIdentity } from './demoAgentIdentity.js';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from './demoAws.js';
import { writeDemoWorkspace } from './demoWorkspace.js';
import type { TaskIdMode } from './server/agentIdentity/agentIdentityDirectory.js';
import { type ProviderServer, startProviderServer } from './server/providerServer.js';
import { trustAgentIdentity } from './trustAgentIdentity.js';

const outputs: string[] = [];
const identities: DemoAgentIdentity[] = [];
let server: ProviderServer | undefined;
let home: string | undefined;

afterEach(async () => {
  await server?.close();
  if (home) await rm(home, { recursive: true, force: true });
  server = undefined;
  home = undefined;
});

/** A real server with that task id mode, a temp home configured for it, a trusted fresh identity. */
async function setUp(agentTaskIds: TaskIdMode, trust = true) {
  server = await startProviderServer({
    agentTaskIds,
    aws: { credentials: DEMO_AWS_CREDENTIALS, region: DEMO_AWS_REGION, services: ['bedrock'] },
  });
  home = await mkdtemp(join(tmpdir(), 'xdemo-agent-'));
  const workspace = await writeDemoWorkspace(home, server);
  const identity = createDemoAgentIdentity({ email: 'robot@xdemo.example', plan_type: 'enterprise' });
  identities.push(identity);
  if (trust) await trustAgentIdentity(server.origin, server.controlSecret(), identity);
  const env = {
    ...workspace.awsEnv,
    HOME: home,
    CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL: server.agentAuthapiBaseUrl,
  };
  const cli = async (args: string[], input?: string) => {
    const result = await runCli(['--home', home as string, ...args], {
      env,
      ...(input === undefined ? {} : { input }),
    });
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  return { server, home, identity, cli };
}

describe('xdemo with an Agent Identity', () => {
  it('logs in with the JWT read from stdin; status shows the mode, email, plan and account', async () => {
    const { home, identity, cli } = await setUp('plain');
    const login = await cli(['login', '--agent-identity'], `${identity.jwt()}\n`);
    expect(login.code).toBe(0);
    expect(login.stdout).toBe(
      'Logged in with an Agent Identity (robot@xdemo.example) for account ws-xdemo.\n',
    );
    // Stored as given: the JWT string, as Codex stores it.
    expect(JSON.parse(await readFile(join(home, 'auth.json'), 'utf8')).agent_identity).toBe(identity.jwt());
    const status = await cli(['login', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual({
      loggedIn: true,
      mode: 'agentIdentity',
      storeMode: 'file',
      maskedKey: null,
      email: 'robot@xdemo.example',
      planType: 'enterprise',
      accountId: 'ws-xdemo',
      region: null,
    });
    expect((await cli(['login', 'status'])).stdout).toBe(
      'Logged in using agentIdentity (email robot@xdemo.example, plan enterprise, account ws-xdemo, stored in file)\n',
    );
  });

  it('refuses a JWT on a terminal-less empty stdin and a malformed one, naming the problem', async () => {
    const { cli } = await setUp('plain');
    const empty = await cli(['login', '--agent-identity'], '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('(EMPTY_STDIN)');
    const [header, , signature] = createDemoAgentIdentity().jwt().split('.');
    const noRuntime = Buffer.from(JSON.stringify({ agent_private_key: 'k' })).toString('base64url');
    const malformed = await cli(['login', '--agent-identity'], `${header}.${noRuntime}.${signature}`);
    expect(malformed.code).toBe(3);
    expect(malformed.stderr).toContain('the claim agent_runtime_id is missing (AGENT_IDENTITY_INVALID)');
  });

  for (const mode of ['plain', 'encrypted'] as const) {
    it(`asks through the server, which verifies the assertion (task id sent ${mode})`, async () => {
      const { server, identity, cli } = await setUp(mode);
      expect((await cli(['login', '--agent-identity'], identity.jwt())).code).toBe(0);
      const ask = await cli(['ask', '--provider', 'xdemo-agent', '--no-stream', 'hello agent']);
      expect(ask.stderr).toBe('');
      expect(ask.code).toBe(0);
      expect(ask.stdout).toContain('[verified: agent-identity]');
      expect(server.stats.verified['agent-identity']).toBe(1);
      expect(server.stats.agentTasks).toEqual(
        mode === 'plain' ? { plain: 1, encrypted: 0 } : { plain: 0, encrypted: 1 },
      );
    });
  }

  it('is refused (exit 3) by a server that was never told the identity', async () => {
    const { server, identity, cli } = await setUp('plain', false);
    expect((await cli(['login', '--agent-identity'], identity.jwt())).code).toBe(0);
    const ask = await cli(['--verbose', 'ask', '--provider', 'xdemo-agent', 'hello']);
    expect(ask.code).toBe(3);
    expect(ask.stderr).toContain('AGENT_TASK_FAILED');
    expect(server.stats.rejected[401]).toBe(1);
  });

  it('never prints the JWT or the private key', () => {
    const all = outputs.join('\n');
    expect(identities.length).toBeGreaterThan(3);
    for (const identity of identities) {
      const key = privateKeyOf(identity);
      expect(all).not.toContain(identity.jwt());
      expect(all).not.toContain(identity.jwt().split('.')[1]);
      expect(all).not.toContain(key.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
      expect(all).not.toContain(String(key.export({ format: 'jwk' }).d));
    }
    expect(all).not.toMatch(/eyJ|MC4CAQAwBQYDK2Vw/);
  });
});
