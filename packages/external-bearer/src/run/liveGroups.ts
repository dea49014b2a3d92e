import { signalMarked } from './markedProcesses.js';

/**
 * Runs still under way: process group id -> run marker. Runs are `detached` (their own group, so a
 * timeout can kill the whole tree), which also opts them out of execa's `cleanup`. Without this
 * module a host that exits mid-run, or dies by SIGINT, SIGTERM or SIGHUP without handling it, would
 * leave the command and its children running. Every live group, and every process carrying a live
 * run's marker (descendants that escaped with `setsid`), gets SIGTERM, as execa's cleanup would.
 */
const live = new Map<number, string>();
const HOST_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let exitListening = false;
let signalsListening = false;

function terminateAll(): void {
  for (const pid of live.keys()) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // the group is already gone
    }
  }
  signalMarked([...live.values()], 'SIGTERM');
  live.clear();
}

/**
 * While runs are live, a signal nobody else listens for would kill the host without an `exit`
 * event. Then we stop the runs, step aside and raise the signal again, so the host still dies by
 * it. When the host has its own listener, the signal is its business: we do nothing (if it then
 * exits, the `exit` listener stops the runs).
 */
function onHostSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  terminateAll();
  stopSignalListening();
  process.kill(process.pid, signal);
}

function startSignalListening(): void {
  if (signalsListening) return;
  signalsListening = true;
  for (const signal of HOST_SIGNALS) process.on(signal, onHostSignal);
}

function stopSignalListening(): void {
  if (!signalsListening) return;
  signalsListening = false;
  for (const signal of HOST_SIGNALS) process.off(signal, onHostSignal);
}

/** Tracks a run's process group and marker until the returned function is called. */
export function trackGroup(pid: number, marker: string): () => void {
  if (!exitListening) {
    process.on('exit', terminateAll);
    exitListening = true;
  }
  live.set(pid, marker);
  startSignalListening();
  return () => {
    live.delete(pid);
    if (live.size === 0) stopSignalListening();
  };
}
