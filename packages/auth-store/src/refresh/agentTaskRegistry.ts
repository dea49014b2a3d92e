import type { AgentTask } from '../model/auth.js';

/** Tasks by identity: each registered once, shared by everyone asking, replaced only when stale. */
export interface AgentTaskRegistry {
  /** The task of `key`, registering it with `register` unless it is registered or under way. */
  get(key: string, register: () => Promise<AgentTask>): Promise<AgentTask>;
  /**
   * Registers a new task for `key` in place of `staleTaskId`. When the task in use is already
   * another one, or a registration is under way, that one is shared instead.
   */
  renew(key: string, staleTaskId: string, register: () => Promise<AgentTask>): Promise<AgentTask>;
}

interface Entry {
  readonly promise: Promise<AgentTask>;
  taskId?: string | undefined;
}

export function createAgentTaskRegistry(): AgentTaskRegistry {
  const entries = new Map<string, Entry>();
  const start = (key: string, register: () => Promise<AgentTask>): Promise<AgentTask> => {
    const entry: Entry = { promise: register() };
    entry.promise.then(
      (task) => {
        entry.taskId = task.taskId;
      },
      // A failed registration is not remembered: the next request tries again.
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    entries.set(key, entry);
    return entry.promise;
  };
  return {
    get: (key, register) => entries.get(key)?.promise ?? start(key, register),
    renew(key, staleTaskId, register) {
      const entry = entries.get(key);
      if (entry && entry.taskId !== staleTaskId) return entry.promise;
      return start(key, register);
    },
  };
}

/**
 * The process-wide registry: every manager in this process shares one task per identity
 * (authapi, runtime id and key fingerprint).
 */
export const processAgentTasks: AgentTaskRegistry = createAgentTaskRegistry();
