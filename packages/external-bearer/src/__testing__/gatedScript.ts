import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScriptDir } from './testScripts.js';

/** A token command held at a gate the test opens, so a test can act while it is still running. */
export interface GatedScript {
  /** Absolute path of the executable script. */
  command: string;
  /** True once the command has started (it logs a line to runs.log first). */
  started(): Promise<boolean>;
  /** Lets the command go on: it prints `token`, then leaves its done marker. */
  open(): Promise<void>;
  /** True once the command got past the gate and printed its token. */
  done(): boolean;
}

/**
 * A POSIX sh command that counts its run in runs.log, waits until the gate file exists, prints
 * `token` and writes a done marker. Nothing here depends on timing: the test decides when it ends.
 */
export async function gatedScript(scripts: ScriptDir, name: string, token: string): Promise<GatedScript> {
  const gate = join(scripts.dir, `${name}.gate`);
  const doneMarker = join(scripts.dir, `${name}.done`);
  const command = await scripts.sh(
    name,
    [
      `echo run >> '${join(scripts.dir, 'runs.log')}'`,
      `while [ ! -f '${gate}' ]; do sleep 0.02; done`,
      `printf '%s' '${token}'`,
      `: > '${doneMarker}'`,
    ].join('\n'),
  );
  return {
    command,
    started: async () => (await scripts.runs()) > 0,
    open: () => writeFile(gate, ''),
    done: () => existsSync(doneMarker),
  };
}
