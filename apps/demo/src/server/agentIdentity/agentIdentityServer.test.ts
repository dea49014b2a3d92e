import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import nacl from 'tweetnacl';
import { afterEach, describe, expect, it } from 'vitest';
import {
  agentAssertion,
  agentTimestamp,
  privateKeyOf,
  registerTask,
} from '../../__testing__/agentAssertion.js';
import { createDemoAgentIdentity, type DemoAgentIdentity } from '../../demoAgentIdentity.js';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from '../../demoAws.js';
import { trustAgentIdentity } from '../../trustAgentIdentity.js';
import { CONTROL_SECRET_HEADER } from '../controlSecret.js';
import { type ProviderServer, startProviderServer } from '../providerServer.js';
import type { TaskIdMode } from './agentIdentityDirectory.js';

let server: ProviderServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(agentTaskIds: TaskIdMode): Promise<ProviderServer> {
  server = await startProviderServer({
    agentTaskIds,
    aws: { credentials: DEMO_AWS_CREDENTIALS, region: DEMO_AWS_REGION, services: ['bedrock'] },
  });
  return server;
}

async function trusted(s: ProviderServer): Promise<DemoAgentIdentity> {
  const identity = createDemoAgentIdentity();
  await trustAgentIdentity(s.origin, s.controlSecret(), identity);
  return identity;
}

/** Opens a sealed box the way the client does: X25519 secret from SHA-512 of the Ed25519 seed, clamped. */
function openSealed(sealed: string, key: KeyObject): string | null {
  const seed = Buffer.from(String(key.export({ format: 'jwk' }).d), 'base64url');
  const secret = Uint8Array.from(createHash('sha512').update(seed).digest().subarray(0, 32));
  secret[0] = (secret[0] as number) & 248;
  secret[31] = ((secret[31] as number) & 127) | 64;
  const publicKey = nacl.scalarMult.base(secret);
  const bytes = Buffer.from(sealed, 'base64');
  const ephemeral = bytes.subarray(0, 32);
  const nonce = blake2b(Buffer.concat([ephemeral, publicKey]), { dkLen: 24 });
  const opened = nacl.box.open(bytes.subarray(32), nonce, ephemeral, secret);
  return opened ? Buffer.from(opened).toString('utf8') : null;
}

async function ask(s: ProviderServer, authorization: string, accountId = 'ws-xdemo') {
  const response = await fetch(`${s.openaiBaseUrl}/models`, {
    headers: { authorization, 'chatgpt-account-id': accountId },
  });
  return {
    status: response.status,
    verified: response.headers.get('x-demo-verified'),
    body: (await response.json()) as { error?: { code: string; type: string; message: string; param: null } },
  };
}

describe('the embedded server and Agent Identity', () => {
  it('trusts a public key only from a caller holding the control secret', async () => {
    const s = await start('plain');
    const identity = createDemoAgentIdentity();
    const refused = await fetch(`${s.origin}/demo/agent-identities`, {
      method: 'POST',
      headers: { [CONTROL_SECRET_HEADER]: 'not-the-secret' },
      body: JSON.stringify({ agent_runtime_id: identity.runtimeId, public_key: identity.publicKey }),
    });
    expect(refused.status).toBe(401);
    expect((await registerTask(s.agentAuthapiBaseUrl, identity)).body).toMatchObject({
      error: { code: 'unknown_agent_identity' },
    });
    await trustAgentIdentity(s.origin, s.controlSecret(), identity);
    expect((await registerTask(s.agentAuthapiBaseUrl, identity)).status).toBe(200);
  });

  it('registers a task only with a fresh timestamp signed by the identity', async () => {
    const s = await start('plain');
    const identity = await trusted(s);
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const forged = await registerTask(s.agentAuthapiBaseUrl, identity, { key: otherKey });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: 'invalid_agent_signature', param: 'signature' } });
    const stale = await registerTask(s.agentAuthapiBaseUrl, identity, {
      timestamp: agentTimestamp(new Date(Date.now() - 10 * 60_000)),
    });
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ error: { code: 'stale_timestamp' } });
    const ok = await registerTask(s.agentAuthapiBaseUrl, identity);
    expect(ok.body).toEqual({ task_id: expect.stringMatching(/^task-/) });
    expect(s.stats.agentTasks).toEqual({ plain: 1, encrypted: 0 });
  });

  it('verifies an assertion, and refuses forged, expired, wrong-task and wrong-account ones with 401', async () => {
    const s = await start('plain');
    const identity = await trusted(s);
    const other = await trusted(s);
    const key = privateKeyOf(identity);
    const taskId = String((await registerTask(s.agentAuthapiBaseUrl, identity)).body.task_id);
    const otherTask = String((await registerTask(s.agentAuthapiBaseUrl, other)).body.task_id);
    const runtimeId = identity.runtimeId;

    const good = await ask(s, agentAssertion({ runtimeId, taskId, key }));
    expect(good).toMatchObject({ status: 200, verified: 'agent-identity' });

    const refusals: Array<[string, string, string?]> = [
      [
        agentAssertion({ runtimeId, taskId, key: generateKeyPairSync('ed25519').privateKey }),
        'invalid_agent_signature',
      ],
      [
        agentAssertion({
          runtimeId,
          taskId,
          key,
          timestamp: agentTimestamp(new Date(Date.now() - 6 * 60_000)),
        }),
        'agent_assertion_expired',
      ],
      [
        agentAssertion({
          runtimeId,
          taskId,
          key,
          timestamp: agentTimestamp(new Date(Date.now() + 6 * 60_000)),
        }),
        'agent_assertion_expired',
      ],
      [agentAssertion({ runtimeId, taskId: 'task-never-issued', key }), 'unknown_agent_task'],
      [agentAssertion({ runtimeId, taskId: otherTask, key }), 'unknown_agent_task'],
      [agentAssertion({ runtimeId: 'agent-runtime-unknown', taskId, key }), 'unknown_agent_identity'],
      [agentAssertion({ runtimeId, taskId, key }), 'account_mismatch', 'ws-someone-else'],
      [
        `AgentAssertion ${Buffer.from(JSON.stringify({ task_id: taskId, agent_runtime_id: runtimeId, signature: 'x', timestamp: agentTimestamp() })).toString('base64url')}`,
        'invalid_agent_assertion',
      ],
    ];
    for (const [authorization, code, account] of refusals) {
      const refused = await ask(s, authorization, account);
      expect(refused.status, code).toBe(401);
      expect(refused.verified).toBeNull();
      expect(refused.body.error).toEqual({
        code,
        type: 'invalid_request_error',
        message: expect.any(String),
        param: null,
      });
    }
    expect(s.stats.rejected[401]).toBe(refusals.length);
    expect(s.stats.verified['agent-identity']).toBe(1);
  });

  it('seals task ids to the X25519 key of the identity, and takes turns when alternating', async () => {
    const s = await start('alternate');
    const identity = await trusted(s);
    const key = privateKeyOf(identity);
    const first = (await registerTask(s.agentAuthapiBaseUrl, identity)).body;
    const second = (await registerTask(s.agentAuthapiBaseUrl, identity)).body;
    const third = (await registerTask(s.agentAuthapiBaseUrl, identity)).body;
    expect(Object.keys(first)).toEqual(['task_id']);
    expect(Object.keys(second)).toEqual(['encrypted_task_id']);
    expect(Object.keys(third)).toEqual(['task_id']);
    const taskId = openSealed(String(second.encrypted_task_id), key);
    expect(taskId).toMatch(/^task-/);
    expect(
      openSealed(String(second.encrypted_task_id), generateKeyPairSync('ed25519').privateKey),
    ).toBeNull();
    const verified = await ask(
      s,
      agentAssertion({ runtimeId: identity.runtimeId, taskId: String(taskId), key }),
    );
    expect(verified).toMatchObject({ status: 200, verified: 'agent-identity' });
    expect(s.stats.agentTasks).toEqual({ plain: 2, encrypted: 1 });
  });
});
