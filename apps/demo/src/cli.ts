#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerDemoCommands } from './commands/demoCommands.js';
import { registerLoginCommands } from './commands/loginCommands.js';
import { registerProviderCommands } from './commands/providerCommands.js';
import type { GlobalOptions } from './context.js';
import { describeError, ExitCode, exitCodeFor } from './exitCodes.js';

const program = new Command('xdemo')
  .description('Authenticate to model providers with the @x packages, offline against an embedded server.')
  .option('--home <dir>', 'folder holding auth.json and config.toml (default: $XDEMO_HOME or ~/.xdemo)')
  .option('--verbose', 'print stack traces on errors')
  .showHelpAfterError('(run xdemo --help for usage)')
  .exitOverride();
const globals = (): GlobalOptions => program.opts<GlobalOptions>();
for (const command of [program]) command.configureOutput({ outputError: (text, write) => write(text) });

registerLoginCommands(program, globals);
registerProviderCommands(program, globals);
registerDemoCommands(program, globals);
for (const command of program.commands) {
  command.exitOverride();
  for (const sub of command.commands) sub.exitOverride();
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  } else {
    console.error(`xdemo: ${describeError(error)}`);
    if (globals().verbose && error instanceof Error) console.error(error.stack);
    process.exitCode = exitCodeFor(error);
  }
}
