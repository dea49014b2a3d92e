import { type ChildProcess, spawn } from 'node:child_process';
import { vi } from 'vitest';
import { CLI } from './runCli.js';

export interface ServeProcess {
  child: ChildProcess;
  stdout(): string;
  /** Resolves once serve printed its banner (`Press Ctrl-C to stop.`). */
  ready(): Promise<void>;
  stderr(): string;
  /** SIGTERM (unless it already exited), then how it ended: `{ code: 0, signal: null }` when clean. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns the built `xdemo ... serve` in the foreground, as a user would. */
export function spawnServe(args: string[], env: NodeJS.ProcessEnv): ServeProcess {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    ready: () =>
      vi.waitFor(
        () => {
          if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
          if (!stdout.includes('Press Ctrl-C to stop.')) throw new Error('serve is not ready yet');
        },
        { timeout: 20_000 },
      ),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
