#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerDemoCommands } from './commands/demoCommands.js';
import { registerLoginCommands } from './commands/loginCommands.js';
import { registerProviderCommands } from './commands/providerCommands.js';
import type { GlobalOptions } from './context.js';
import { describeCauseChain, describeError } from './errorReport.js';
import { ExitCode } from './exitCode.js';
import { exitCodeFor } from './exitCodes.js';
import { readDemoVersion, readPackageVersions, versionLine } from './packageVersions.js';

// A reader that stops early (`xdemo providers --json | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? ExitCode.ok);
});

const [demo, packages] = await Promise.all([readDemoVersion(), readPackageVersions()]);
const program = new Command('xdemo')
  .description('Authenticate to model providers with the @x packages, offline against an embedded server.')
  .version(versionLine(demo, packages), '-V, --version', 'print the version of xdemo and of the @x packages')
  .option('--home <dir>', 'folder holding auth.json and config.toml (default: $XDEMO_HOME or ~/.xdemo)')
  .option(
    '--codex-home [dir]',
    'use a Codex home instead (default: $CODEX_HOME or ~/.codex): its config.toml with the active profile' +
      ' and its credential store; only login and logout write there',
  )
  .option('--verbose', 'on errors, also print the chain of causes with stack frames')
  .option('--progress', 'say on stderr when a request waits (retries, credentials), even when piped')
  .addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 not logged in or other failure, 2 usage or config, 3 credentials missing or' +
      '\nrefused (401/403), 4 provider unreachable, 5 provider server error (5xx).',
  );
const globals = (): GlobalOptions => program.opts<GlobalOptions>();

registerLoginCommands(program, globals);
registerProviderCommands(program, globals);
registerDemoCommands(program, globals);

/** `xdemo login status`, for pointing at the right help. */
const commandPath = (command: Command): string =>
  command.parent ? `${commandPath(command.parent)} ${command.name()}` : command.name();
const helpHint = (command: Command): string => `(run ${commandPath(command)} --help for usage)`;

// Every command: parse errors exit through the catch below, printed with the one prefix and a
// pointer at that command's own help.
const configure = (command: Command): void => {
  command
    .exitOverride()
    .showHelpAfterError(helpHint(command))
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'xdemo: error: ')) });
  for (const sub of command.commands) configure(sub);
};
configure(program);
/**
 * `--codex-home` takes an optional folder, and commander would take a command name after it for
 * one: `xdemo --codex-home login status` means Codex's default home (a folder named like a command
 * is written `./login`).
 */
const codexHomeWithoutFolder = (argv: readonly string[]): string[] =>
  argv.map((arg, i) =>
    arg === '--codex-home' && program.commands.some((command) => command.name() === argv[i + 1])
      ? '--codex-home='
      : arg,
  );

let running: Command = program;
program.hook('preAction', (_program, action) => {
  running = action;
});

try {
  await program.parseAsync(codexHomeWithoutFolder(process.argv));
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  } else {
    const exitCode = exitCodeFor(error);
    console.error(`xdemo: error: ${describeError(error)}`);
    if (exitCode === ExitCode.usage) console.error(helpHint(running));
    if (globals().verbose) for (const line of describeCauseChain(error)) console.error(`  ${line}`);
    process.exitCode = exitCode;
  }
}
