import { CommandTokenError } from '../errors.js';
import { type RawRun, STDERR_KEEP_BYTES } from '../run/rawRun.js';
import { type MintedToken, parseOutput } from './parseOutput.js';
import { redactExcerpt } from './redact.js';
import { safeCause } from './safeCause.js';

export interface InterpretContext {
  label: string;
  output: 'text' | 'json';
  timeoutMs: number;
  maxOutputBytes: number;
  now: number;
  /** Values to cut out of any stderr excerpt: the cached token, configured childEnv values. */
  secrets: readonly string[];
}

function excerptOf(stderr: Uint8Array, stdout: Uint8Array, context: InterpretContext): string | undefined {
  if (stderr.length === 0) return undefined;
  const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);
  let text = decode(stderr);
  // Cut where runCommand stopped keeping stderr: drop the last, possibly partial, word (a secret's head).
  if (stderr.length >= STDERR_KEEP_BYTES) text = text.slice(0, Math.max(0, text.search(/\s\S*$/)));
  // The failing run's stdout may hold a fresh token; a command that echoes it to stderr must not leak it.
  return redactExcerpt(text, [...context.secrets, ...outputSecrets(decode(stdout))]);
}

/** The failing run's stdout, plus every string in it when it is JSON (a token may hold `:` or spaces). */
function outputSecrets(stdout: string): string[] {
  const found = [stdout];
  const collect = (value: unknown, depth: number): void => {
    if (typeof value === 'string') found.push(value);
    else if (depth < 8 && typeof value === 'object' && value !== null)
      for (const item of Object.values(value)) collect(item, depth + 1);
  };
  try {
    collect(JSON.parse(stdout), 0);
  } catch {
    // not JSON: the text and its parts are enough
  }
  return found;
}

function withExcerpt(message: string, excerpt: string | undefined): string {
  return excerpt === undefined ? message : `${message}: ${excerpt}`;
}

/** Turns a finished run into a token, or into a CommandTokenError with a stable code and Codex's wording. */
export function interpretRun(run: RawRun, context: InterpretContext): MintedToken {
  const prefix = `provider auth command \`${context.label}\``;
  switch (run.kind) {
    case 'spawn-failed': {
      // A fresh cause carrying only the errno: the spawn error's own text may repeat argv or env.
      const cause = safeCause({ code: run.errno }, 'spawn failed');
      throw new CommandTokenError('SPAWN_FAILED', `${prefix} failed to start`, { cause });
    }
    case 'timeout': {
      const excerpt = excerptOf(run.stderr, run.stdout, context);
      throw new CommandTokenError(
        'TIMEOUT',
        withExcerpt(`${prefix} timed out after ${context.timeoutMs} ms`, excerpt),
        { stderrExcerpt: excerpt },
      );
    }
    case 'too-large':
      throw new CommandTokenError(
        'OUTPUT_TOO_LARGE',
        `${prefix} wrote more than ${context.maxOutputBytes} bytes to stdout`,
      );
    case 'exited': {
      if (run.exitCode !== 0 || run.signal !== undefined) {
        const excerpt = excerptOf(run.stderr, run.stdout, context);
        const status =
          run.signal !== undefined
            ? `was killed by signal ${run.signal}`
            : `exited with status ${run.exitCode}`;
        throw new CommandTokenError('EXIT_STATUS', withExcerpt(`${prefix} ${status}`, excerpt), {
          stderrExcerpt: excerpt,
        });
      }
      return parseOutput(run.stdout, context.output, context.label, context.now);
    }
  }
}
