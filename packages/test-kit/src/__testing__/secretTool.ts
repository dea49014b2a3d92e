import { spawnSync } from 'node:child_process';
import { MISSING_KEYRING_PROGRAM } from './missingKeyringProgram.js';

/**
 * Runs `secret-tool` with `args` against the Secret Service that `service.env` reaches (`input` on
 * its stdin); returns its stdout, or throws with its stderr when it fails.
 */
export function secretTool(service: { env: Record<string, string> }, args: string[], input?: string): string {
  const run = spawnSync('secret-tool', args, {
    env: { ...process.env, ...service.env },
    input,
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? `secret-tool ${MISSING_KEYRING_PROGRAM}` : `secret-tool failed (${code})`,
    );
  }
  if (run.status !== 0) throw new Error(`secret-tool ${args[0]} failed: ${run.stderr.trim()}`);
  return run.stdout;
}
