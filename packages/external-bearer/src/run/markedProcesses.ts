import { readdirSync, readFileSync } from 'node:fs';

/**
 * The environment variable every run gets, with a value unique to that run. Descendants inherit
 * it, including those that left the run's process group with `setsid` (which a group kill misses),
 * so they can still be found and stopped.
 */
export const RUN_MARKER_VARIABLE = 'X_EXTERNAL_BEARER_RUN';

/** A fresh marker value for one run (the global Web Crypto: importing node:crypto would slow the package's import). */
export function newRunMarker(): string {
  return `${process.pid}-${globalThis.crypto.randomUUID()}`;
}

/**
 * Sends `signal` to every process of ours whose environment carries one of `markers` (Linux: read
 * from /proc; elsewhere nothing is found and the process-group kill is all there is). Synchronous,
 * so it also works from an `exit` listener. Processes we may not inspect or that are gone are skipped;
 * environments are only searched for the marker, never kept.
 */
export function signalMarked(markers: readonly string[], signal: NodeJS.Signals): number {
  if (process.platform !== 'linux' || markers.length === 0) return 0;
  const needles = markers.map((marker) => Buffer.from(`${RUN_MARKER_VARIABLE}=${marker}\0`));
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  let signalled = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    let environment: Buffer;
    try {
      environment = readFileSync(`/proc/${entry}/environ`);
    } catch {
      continue;
    }
    if (!needles.some((needle) => environment.includes(needle))) continue;
    try {
      process.kill(pid, signal);
      signalled++;
    } catch {
      // already gone
    }
  }
  return signalled;
}
