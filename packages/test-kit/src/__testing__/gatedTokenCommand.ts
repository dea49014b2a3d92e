import { existsSync, readFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A token command held at a gate the test opens, so a test can act while it is still running. */
export interface GatedTokenCommand {
  /** Absolute path of the executable Node script (run it as it is, or as `node <command>`). */
  command: string;
  /** True once the command has started (its first act is to log a line to `runs.log`). */
  started(): boolean;
  /** Lets the command go on: it prints the token, then leaves its done marker. */
  open(): Promise<void>;
  /** True once the command got past the gate and printed its token. */
  done(): boolean;
}

/**
 * Writes `<dir>/<name>.mjs`: a command that appends a line to `<dir>/runs.log` (where other counting
 * scripts log their runs too), waits until the test calls `open()`, prints `token` and a newline,
 * and leaves a done marker. Nothing here depends on timing: the test decides when it ends.
 */
export async function gatedTokenCommand(
  dir: string,
  name: string,
  token: string,
): Promise<GatedTokenCommand> {
  const runs = join(dir, 'runs.log');
  const gate = join(dir, `${name}.gate`);
  const doneMarker = join(dir, `${name}.done`);
  const command = join(dir, `${name}.mjs`);
  const script = `#!${process.execPath}
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(runs)}, 'run\\n');
const timer = setInterval(() => {
  if (!existsSync(${JSON.stringify(gate)})) return;
  clearInterval(timer);
  process.stdout.write(${JSON.stringify(`${token}\n`)});
  writeFileSync(${JSON.stringify(doneMarker)}, '');
}, 10);
`;
  await writeFile(command, script);
  await chmod(command, 0o755);
  return {
    command,
    started: () => existsSync(runs) && readFileSync(runs, 'utf8').includes('run'),
    open: () => writeFile(gate, ''),
    done: () => existsSync(doneMarker),
  };
}
