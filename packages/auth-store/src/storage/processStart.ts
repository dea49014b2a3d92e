import { readFile } from 'node:fs/promises';

/**
 * When a process started, as an opaque string, or null where it cannot be read (not Linux, no such
 * process). On Linux this is field 22 of `/proc/<pid>/stat` (clock ticks since boot): a pid that
 * was freed and given to another process comes back with another start time.
 */
export async function processStartTime(pid: number): Promise<string | null> {
  if (process.platform !== 'linux' || !Number.isInteger(pid) || pid <= 0) return null;
  let text: string;
  try {
    text = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or ')': fields after
  // the last ')' start at field 3.
  const rest = text
    .slice(text.lastIndexOf(')') + 1)
    .trim()
    .split(/\s+/);
  const start = rest[22 - 3];
  return start && /^\d+$/.test(start) ? start : null;
}
