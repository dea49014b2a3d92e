/**
 * Process groups of runs still under way. Runs are `detached` (their own group, so a timeout can
 * kill the whole tree), which also opts them out of execa's `cleanup`: without this, a host that
 * calls `process.exit()` mid-run would leave the command and its children running. One `exit`
 * listener for the whole module signals every live group, as execa's cleanup would (SIGTERM).
 */
const live = new Set<number>();
let listening = false;

function terminateAll(): void {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // the group is already gone
    }
  }
  live.clear();
}

/** Tracks a run's process group until the returned function is called. */
export function trackGroup(pid: number): () => void {
  if (!listening) {
    process.on('exit', terminateAll);
    listening = true;
  }
  live.add(pid);
  return () => {
    live.delete(pid);
  };
}
