import type { AgentKey } from './agentKey.js';
import { rfc3339Seconds } from './agentKey.js';

/**
 * The `Authorization` value of one request made as an Agent Identity: `AgentAssertion ` and the
 * unpadded base64url of a JSON object with its keys in sorted order, `{agent_runtime_id, signature,
 * task_id, timestamp}`, where `signature` is Ed25519 over `"{agent_runtime_id}:{task_id}:{timestamp}"`
 * and `timestamp` is `now` in whole seconds. Built fresh for every request.
 */
export function agentAssertion(runtimeId: string, taskId: string, key: AgentKey, now = new Date()): string {
  const timestamp = rfc3339Seconds(now);
  const signature = key.sign(`${runtimeId}:${taskId}:${timestamp}`);
  // Keys in sorted order, as the assertion format requires.
  const payload = JSON.stringify({ agent_runtime_id: runtimeId, signature, task_id: taskId, timestamp });
  return `AgentAssertion ${Buffer.from(payload, 'utf8').toString('base64url')}`;
}

/** The task id an `AgentAssertion` header value carries, or undefined for any other value. */
export function assertedTaskId(authorization: string | undefined): string | undefined {
  const match = /^AgentAssertion\s+([A-Za-z0-9_-]+)$/.exec(authorization?.trim() ?? '');
  if (!match) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(match[1] as string, 'base64url').toString('utf8'));
    const taskId = (claims as { task_id?: unknown } | null)?.task_id;
    return typeof taskId === 'string' ? taskId : undefined;
  } catch {
    return undefined;
  }
}
