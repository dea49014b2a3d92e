import { type ChildProcess, spawn } from 'node:child_process';
import { vi } from 'vitest';
import { CLI } from './runCli.js';

export interface ServeProcess {
  child: ChildProcess;
  stdout(): string;
  /** Resolves once serve printed its banner (`Press Ctrl-C to stop.`). */
  ready(): Promise<void>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns the built `xdemo ... serve` in the foreground, as a user would. */
export function spawnServe(args: string[], env: NodeJS.ProcessEnv): ServeProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    stdout: () => stdout,
    ready: () =>
      vi.waitFor(
        () => {
          if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
          if (!stdout.includes('Press Ctrl-C to stop.')) throw new Error('serve is not ready yet');
        },
        { timeout: 20_000 },
      ),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
