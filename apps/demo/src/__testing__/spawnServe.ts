import { vi } from 'vitest';
import { type CliProcess, spawnCli } from './runCli.js';

export interface ServeProcess extends CliProcess {
  /** Resolves once serve printed its banner (`Press Ctrl-C to stop.`). */
  ready(): Promise<void>;
  /** SIGTERM (unless it already exited), then how it ended: `{ code: 0, signal: null }` when clean. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns the built `xdemo ... serve` in the foreground, as a user would. */
export function spawnServe(args: string[], env: NodeJS.ProcessEnv): ServeProcess {
  const cli = spawnCli(args, env);
  const { child } = cli;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    ...cli,
    ready: () =>
      vi.waitFor(
        () => {
          if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
          if (!cli.stdout().includes('Press Ctrl-C to stop.')) throw new Error('serve is not ready yet');
        },
        { timeout: 20_000 },
      ),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
