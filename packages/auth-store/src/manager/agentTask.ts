import { randomUUID } from 'node:crypto';
import type { AgentTask } from '../model/auth.js';
import type { AgentIdentityRecord } from '../model/authDotJson.js';
import type { ManagerState } from './managerState.js';

/**
 * The task of an Agent Identity in this process: registered once per runtime id (with the host's
 * `createAgentTask`, else a local random id) and shared by concurrent loads.
 */
export function agentTask(state: ManagerState, record: AgentIdentityRecord): Promise<AgentTask> {
  const id = record.agent_runtime_id;
  let found = state.tasks.get(id);
  if (!found) {
    const create = state.options.createAgentTask;
    found = create
      ? create(record)
      : Promise.resolve({ taskId: randomUUID(), createdAt: new Date().toISOString() });
    // A failed registration is not remembered: the next load tries again.
    found.catch(() => state.tasks.delete(id));
    state.tasks.set(id, found);
  }
  return found;
}
