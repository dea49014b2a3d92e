import type { SourceState } from './sourceState.js';

/**
 * What `describe()` returns: which command backs the source and how it has fared. Never the token.
 * @public
 */
export interface CommandTokenSourceDescription {
  /** The configured command, as given. */
  command: string;
  /** Runs started so far. */
  runs: number;
  /** Runs that failed so far. */
  failures: number;
  /** When the cached token expires, if its output said so. */
  expiresAt?: Date | undefined;
}

/** The secret-free description of a source, also used for JSON and `util.inspect`. */
export function describeSource(state: SourceState): CommandTokenSourceDescription {
  const description: CommandTokenSourceDescription = {
    command: state.label,
    runs: state.runs,
    failures: state.failures,
  };
  if (state.cached?.expiresAt !== undefined) description.expiresAt = new Date(state.cached.expiresAt);
  return description;
}
