import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const WORKER = join(import.meta.dirname, 'worker.mjs');

export interface Child {
  process: ChildProcess;
  stdout: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

/** Child process forcing a refresh of a stored ChatGPT login (see the file). */
export const REFRESH_WORKER = join(import.meta.dirname, 'refreshWorker.mjs');

/** Preload recording, in the file `LOCK_PROBE` names, each time the child finds a lock taken. */
export const LOCK_PROBE = join(import.meta.dirname, 'lockProbe.mjs');

/** Preload giving a child umask 0 and a chmod that does nothing (see the file). */
export const LOOSE_UMASK = join(import.meta.dirname, 'looseUmask.mjs');

/** Spawns the worker script with `args` (after `nodeArgs`); `ready` resolves once it printed "ready". */
export function spawnWorker(
  args: string[],
  env: Record<string, string | undefined> = process.env,
  nodeArgs: string[] = [],
): Child {
  return spawnScript(WORKER, args, env, nodeArgs);
}

/** Spawns the Node script `script` like {@link spawnWorker}. */
export function spawnScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = process.env,
  nodeArgs: string[] = [],
): Child {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready\n')) markReady();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      markReady();
      if (code !== 0 && code !== null && err) process.stderr.write(err);
      resolve(code);
    });
  });
  return { process: child, stdout: () => out, ready, exited };
}
