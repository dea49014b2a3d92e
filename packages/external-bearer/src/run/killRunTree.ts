import type { ChildProcess } from 'node:child_process';
import { signalMarked } from './markedProcesses.js';

const isWindows = process.platform === 'win32';

/**
 * Ends a run for good: SIGKILL to its process group (POSIX: the command leads its own group), to
 * the command itself, and to every process carrying the run's marker (descendants that left the
 * group with `setsid`); then destroys the pipes, so nothing still holding them can keep the run open.
 */
export function killRunTree(subprocess: ChildProcess, marker: string): void {
  const pid = subprocess.pid;
  if (pid !== undefined && !isWindows) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // the group is already gone
    }
  }
  subprocess.kill('SIGKILL');
  signalMarked([marker], 'SIGKILL');
  subprocess.stdout?.destroy();
  subprocess.stderr?.destroy();
}
