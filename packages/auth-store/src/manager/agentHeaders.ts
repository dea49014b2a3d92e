import { agentAssertion } from '../model/agentAssertion.js';
import { agentKey } from '../model/agentKey.js';
import type { AgentIdentityAuth, AgentTask } from '../model/auth.js';

/**
 * The headers of one request made as an Agent Identity (names lower-case): a fresh
 * `authorization: AgentAssertion …`, `chatgpt-account-id`, and `x-openai-fedramp: true` for a
 * FedRAMP account.
 */
export function agentIdentityHeaders(auth: AgentIdentityAuth, task: AgentTask): Record<string, string> {
  const { record } = auth;
  const key = agentKey(record.agent_private_key, 'the Agent Identity in use');
  const headers: Record<string, string> = {
    authorization: agentAssertion(record.agent_runtime_id, task.taskId, key),
  };
  if (auth.accountId) headers['chatgpt-account-id'] = auth.accountId;
  if (auth.fedramp) headers['x-openai-fedramp'] = 'true';
  return headers;
}
