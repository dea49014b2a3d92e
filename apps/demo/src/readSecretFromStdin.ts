import { DemoError } from './demoError.js';
import { ExitCode } from './exitCode.js';

/**
 * Reads a secret from standard input, never from argv (where it would land in shell history and
 * `ps`). A terminal on stdin, or nothing piped in, is refused with an example of piping it in.
 */
export async function readSecretFromStdin(
  what: string,
  example: string,
  stdin: NodeJS.ReadStream = process.stdin,
): Promise<string> {
  if (stdin.isTTY) {
    throw new DemoError(
      'SECRET_ON_TERMINAL',
      `${what} is read from stdin, not typed at a terminal; pipe it in, e.g.: ${example}`,
      ExitCode.usage,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const secret = Buffer.concat(chunks).toString('utf8').trim();
  if (!secret)
    throw new DemoError('EMPTY_STDIN', `stdin was empty: pipe ${what} in, e.g.: ${example}`, ExitCode.usage);
  return secret;
}
