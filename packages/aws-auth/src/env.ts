/**
 * An environment to read variables from; defaults to `process.env` everywhere it is accepted.
 * @public
 */
export type Env = Record<string, string | undefined>;

/** The injected environment, or `process.env` where a process exists, else an empty one. */
export function resolveEnv(env: Env | undefined): Env {
  if (env) return env;
  const proc = (globalThis as { process?: { env?: Env } }).process;
  return proc?.env ?? {};
}

/** A variable's value with surrounding whitespace removed; blank counts as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
