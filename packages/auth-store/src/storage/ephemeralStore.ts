import type { AuthDotJson } from '../model/authDotJson.js';
import { canonicalHome } from './home.js';

// Ephemeral credentials are per process, keyed by canonical home, like Codex's in-memory store.
const memory = new Map<string, AuthDotJson>();

/** Credentials in this process's memory, per canonical home; never written anywhere. */
export interface EphemeralStore {
  readonly mode: 'ephemeral';
  load(): Promise<AuthDotJson | null>;
  save(auth: AuthDotJson): Promise<void>;
  delete(): Promise<boolean>;
}

export function createEphemeralStore(home: string): EphemeralStore {
  return {
    mode: 'ephemeral',
    load: async () => structuredClone(memory.get(await canonicalHome(home)) ?? null),
    save: async (auth) => {
      memory.set(await canonicalHome(home), structuredClone(auth));
    },
    delete: async () => memory.delete(await canonicalHome(home)),
  };
}
