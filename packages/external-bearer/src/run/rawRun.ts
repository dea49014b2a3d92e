/** How a run ended, before its output is interpreted. */
export type RawRun =
  | {
      kind: 'exited';
      exitCode?: number | undefined;
      signal?: string | undefined;
      stdout: Uint8Array;
      stderr: Uint8Array;
      durationMs: number;
    }
  | { kind: 'timeout'; stdout: Uint8Array; stderr: Uint8Array; durationMs: number }
  | { kind: 'too-large'; stderr: Uint8Array; durationMs: number }
  | { kind: 'spawn-failed'; errno?: string | undefined; durationMs: number };

// Only the start of stderr is kept: enough for a hint, bounded however much the command writes.
export const STDERR_KEEP_BYTES = 8 * 1024;
