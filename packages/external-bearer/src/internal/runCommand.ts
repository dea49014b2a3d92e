import { execa } from 'execa';
import { trackGroup } from './liveGroups.js';
import { newRunMarker, RUN_MARKER_VARIABLE, signalMarked } from './markedProcesses.js';

/** What to run; `file` is already resolved (see resolveCommand). */
export interface RunRequest {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  maxOutputBytes: number;
}

/** How a run ended, before its output is interpreted. */
export type RawRun =
  | {
      kind: 'exited';
      exitCode?: number;
      signal?: string;
      stdout: Uint8Array;
      stderr: Uint8Array;
      durationMs: number;
    }
  | { kind: 'timeout'; stdout: Uint8Array; stderr: Uint8Array; durationMs: number }
  | { kind: 'too-large'; stderr: Uint8Array; durationMs: number }
  | { kind: 'spawn-failed'; errno?: string; durationMs: number };

// Only the start of stderr is kept: enough for a hint, bounded however much the command writes.
export const STDERR_KEEP_BYTES = 8 * 1024;
const isWindows = process.platform === 'win32';

/**
 * Runs the command with execa 9: argv without a shell, stdin closed, stdout and stderr piped. On
 * POSIX the child leads its own process group (`detached`), so a timeout or an oversized output
 * kills the whole tree with one `kill(-pid)`; the pipes are then destroyed and the run settles at
 * once instead of waiting for an EOF that a surviving grandchild could hold back forever (the
 * failure REFERENCE section 1 lists for every peer). Output is read here rather than by execa's
 * `maxBuffer`, which kills only the direct child and then still waits for the pipe to close.
 * Descendants that left the group with `setsid` are found by the run's marker variable and killed too.
 */
export function runCommand(request: RunRequest): Promise<RawRun> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise<RawRun>((resolve) => {
    const stdoutChunks: Uint8Array[] = [];
    let stdoutBytes = 0;
    const stderrChunks: Uint8Array[] = [];
    let stderrBytes = 0;
    let settled = false;
    const marker = newRunMarker();
    const subprocess = execa(request.file, request.args, {
      cwd: request.cwd,
      env: { ...request.env, [RUN_MARKER_VARIABLE]: marker },
      stdin: 'ignore',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      encoding: 'buffer',
      reject: false,
      detached: !isWindows,
      windowsHide: true,
    });
    const untrack =
      subprocess.pid !== undefined && !isWindows ? trackGroup(subprocess.pid, marker) : (): void => undefined;
    const stderrSoFar = (): Uint8Array => Buffer.concat(stderrChunks);
    const finish = (run: RawRun): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(run);
    };
    const killTree = (): void => {
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
    };
    const timer = setTimeout(() => {
      killTree();
      finish({
        kind: 'timeout',
        stdout: Buffer.concat(stdoutChunks),
        stderr: stderrSoFar(),
        durationMs: elapsed(),
      });
    }, request.timeoutMs);
    subprocess.stdout?.on('data', (chunk: Uint8Array) => {
      if (settled) return;
      stdoutBytes += chunk.length;
      if (stdoutBytes > request.maxOutputBytes) {
        killTree();
        finish({ kind: 'too-large', stderr: stderrSoFar(), durationMs: elapsed() });
        return;
      }
      stdoutChunks.push(chunk);
    });
    subprocess.stderr?.on('data', (chunk: Uint8Array) => {
      if (stderrBytes < STDERR_KEEP_BYTES)
        stderrChunks.push(chunk.subarray(0, STDERR_KEEP_BYTES - stderrBytes));
      stderrBytes += chunk.length;
    });
    subprocess.then(
      (result) => {
        untrack();
        const ran = result.exitCode !== undefined || result.signal !== undefined;
        if (!ran) {
          const errno = (result as { code?: unknown }).code;
          finish({
            kind: 'spawn-failed',
            ...(typeof errno === 'string' ? { errno } : {}),
            durationMs: elapsed(),
          });
          return;
        }
        finish({
          kind: 'exited',
          ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
          ...(result.signal !== undefined ? { signal: result.signal } : {}),
          stdout: Buffer.concat(stdoutChunks),
          stderr: stderrSoFar(),
          durationMs: elapsed(),
        });
      },
      () => {
        untrack();
        finish({ kind: 'spawn-failed', durationMs: elapsed() });
      },
    );
  });
}
