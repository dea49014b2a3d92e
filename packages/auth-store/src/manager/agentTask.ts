import { AuthStoreError } from '../errors.js';
import { agentKey } from '../model/agentKey.js';
import type { AgentIdentityAuth, AgentTask } from '../model/auth.js';
import { processAgentTasks } from '../refresh/agentTaskRegistry.js';
import { DEFAULT_AGENT_AUTHAPI_BASE_URL, registerAgentTask } from '../refresh/registerAgentTask.js';
import type { ManagerState } from './managerState.js';
import { resolveAuth } from './resolveAuth.js';

/** `CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL` from the manager's `env` (trimmed, no trailing `/`), else OpenAI's. */
export function agentAuthapiBaseUrl(env: Record<string, string | undefined>): string {
  const configured = env.CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL?.trim().replace(/\/+$/, '');
  return configured || DEFAULT_AGENT_AUTHAPI_BASE_URL;
}

/** Where the task of `auth` is kept, and how a new one is registered. */
function taskPlan(state: ManagerState, auth: AgentIdentityAuth) {
  const { record } = auth;
  const create = state.options.createAgentTask;
  // The host's registrar: tasks are this manager's own, one per runtime id.
  if (create) return { registry: state.tasks, key: record.agent_runtime_id, register: () => create(record) };
  const key = agentKey(record.agent_private_key, 'the Agent Identity in use');
  const baseUrl = agentAuthapiBaseUrl(state.env);
  return {
    registry: processAgentTasks,
    key: `${baseUrl}\n${record.agent_runtime_id}\n${key.fingerprint}`,
    register: () =>
      registerAgentTask({
        baseUrl,
        runtimeId: record.agent_runtime_id,
        key,
        fetch: state.options.fetch ?? fetch,
        timeoutMs: state.requestTimeoutMs,
        secrets: [record.agent_private_key],
      }),
  };
}

/** The auth in use when it is an Agent Identity; otherwise the coded reason there is no task. */
async function agentIdentityInUse(state: ManagerState): Promise<AgentIdentityAuth> {
  const auth = await resolveAuth(state);
  if (!auth)
    throw new AuthStoreError('NOT_LOGGED_IN', `not logged in (no credentials under ${state.options.home})`);
  if (auth.mode !== 'agentIdentity') {
    throw new AuthStoreError(
      'AUTH_MODE_UNSUPPORTED',
      `the login in use (mode ${auth.mode}) has no agent task`,
    );
  }
  return auth;
}

/**
 * The task of the Agent Identity in use: registered once per process and identity, before the
 * first request, and shared by concurrent callers and by every manager in the process (with the
 * host's `createAgentTask`, by this manager's callers). Never written anywhere.
 */
export async function agentTask(state: ManagerState): Promise<AgentTask> {
  const plan = taskPlan(state, await agentIdentityInUse(state));
  return plan.registry.get(plan.key, plan.register);
}

/** After a 401: a new task in place of `staleTaskId`, unless another caller already replaced it. */
export async function renewAgentTask(state: ManagerState, staleTaskId: string): Promise<AgentTask> {
  const plan = taskPlan(state, await agentIdentityInUse(state));
  return plan.registry.renew(plan.key, staleTaskId, plan.register);
}
