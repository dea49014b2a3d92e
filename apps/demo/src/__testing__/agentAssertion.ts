import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import type { DemoAgentIdentity } from '../demoAgentIdentity.js';

/** The private key inside a demo identity's JWT payload, as a key object. */
export function privateKeyOf(identity: DemoAgentIdentity): KeyObject {
  const payload = identity.jwt().split('.')[1] as string;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    agent_private_key: string;
  };
  return createPrivateKey({
    key: Buffer.from(claims.agent_private_key, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
}

/** RFC 3339 UTC in whole seconds (`2026-01-02T03:04:05Z`) of `at`. */
export function agentTimestamp(at: Date = new Date()): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

/** `POST <authapi>/v1/agent/{id}/task/register`, signed by `key` (default: the identity's own). */
export async function registerTask(
  authapi: string,
  identity: DemoAgentIdentity,
  options: { key?: KeyObject; timestamp?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const timestamp = options.timestamp ?? agentTimestamp();
  const key = options.key ?? privateKeyOf(identity);
  const signature = sign(null, Buffer.from(`${identity.runtimeId}:${timestamp}`), key).toString('base64');
  const response = await fetch(
    `${authapi}/v1/agent/${encodeURIComponent(identity.runtimeId)}/task/register`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timestamp, signature }),
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** An `AgentAssertion …` authorization value, built by hand so a test can forge any part of it. */
export function agentAssertion(fields: {
  runtimeId: string;
  taskId: string;
  key: KeyObject;
  timestamp?: string;
}): string {
  const timestamp = fields.timestamp ?? agentTimestamp();
  const signature = sign(null, Buffer.from(`${fields.runtimeId}:${fields.taskId}:${timestamp}`), fields.key);
  const claims = {
    agent_runtime_id: fields.runtimeId,
    signature: signature.toString('base64'),
    task_id: fields.taskId,
    timestamp,
  };
  return `AgentAssertion ${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
}
