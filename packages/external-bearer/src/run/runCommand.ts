import { killRunTree } from './killRunTree.js';
import { trackGroup } from './liveGroups.js';
import { newRunMarker, RUN_MARKER_VARIABLE } from './markedProcesses.js';
import { type RawRun, STDERR_KEEP_BYTES } from './rawRun.js';

/** What to run; `file` is already resolved (see resolveCommand). */
export interface RunRequest {
  file: string;
  args: string[];
  cwd: string;
  childEnv: Record<string, string>;
  timeoutMs: number;
  maxOutputBytes: number;
}

// execa and its dependencies take about as long to import as the rest of this package many times
// over, so they are loaded when the first command runs, not when the package is imported.
let execaModule: Promise<typeof import('execa')> | undefined;
function loadExeca(): Promise<typeof import('execa')> {
  if (!execaModule) {
    execaModule = import('execa');
    execaModule.catch(() => {
      execaModule = undefined; // a later run may try again
    });
  }
  return execaModule;
}

/** How long the pipes may stay open after the command exited before its leftover children are killed. */
export const EXIT_GRACE_MS = 200;
const isWindows = process.platform === 'win32';

/**
 * Runs the command with execa 9: argv without a shell, stdin closed, stdout and stderr piped. On
 * POSIX the child leads its own process group (`detached`), so a timeout or an oversized output
 * kills the whole tree with one `kill(-pid)`; the pipes are then destroyed and the run settles at
 * once instead of waiting for an EOF that a surviving grandchild could hold back forever. The same
 * happens shortly after the command exits while something it started still holds the pipes. Output is read here rather than by execa's
 * `maxBuffer`, which kills only the direct child and then still waits for the pipe to close.
 * Descendants that left the group with `setsid` are found by the run's marker variable and killed too.
 */
export async function runCommand(request: RunRequest): Promise<RawRun> {
  const { execa } = await loadExeca();
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise<RawRun>((resolve) => {
    const stdoutChunks: Uint8Array[] = [];
    let stdoutBytes = 0;
    const stderrChunks: Uint8Array[] = [];
    let stderrBytes = 0;
    let settled = false;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const marker = newRunMarker();
    const subprocess = execa(request.file, request.args, {
      cwd: request.cwd,
      env: { ...request.childEnv, [RUN_MARKER_VARIABLE]: marker },
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
      clearTimeout(graceTimer);
      resolve(run);
    };
    const killTree = (): void => killRunTree(subprocess, marker);
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
    // The command itself has ended, but its pipes may not have: a child it left in the background
    // can hold them open for ever. What the command printed is already in the pipe, so let the
    // pipes drain and close for a moment; if they are still open after that, end the whole tree and
    // settle with what was read, instead of waiting for the timeout and losing the token.
    subprocess.on('exit', (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      const endLeftovers = (): void => {
        if (settled) return;
        killTree();
        untrack();
        finish({
          kind: 'exited',
          exitCode: exitCode ?? undefined,
          signal: signal ?? undefined,
          stdout: Buffer.concat(stdoutChunks),
          stderr: stderrSoFar(),
          durationMs: elapsed(),
        });
      };
      // setImmediate runs after the next I/O poll: output still waiting in the pipe is read first,
      // even when a busy event loop let the timer fall due late.
      graceTimer = setTimeout(() => setImmediate(endLeftovers), EXIT_GRACE_MS);
    });
    subprocess.then(
      (result) => {
        untrack();
        const ran = result.exitCode !== undefined || result.signal !== undefined;
        if (!ran) {
          const errno = (result as { code?: unknown }).code;
          finish({
            kind: 'spawn-failed',
            errno: typeof errno === 'string' ? errno : undefined,
            durationMs: elapsed(),
          });
          return;
        }
        finish({
          kind: 'exited',
          exitCode: result.exitCode,
          signal: result.signal,
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
