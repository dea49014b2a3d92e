import { type Command, InvalidArgumentError } from 'commander';
import { chosenHome, type GlobalOptions, openManager } from '../context.js';
import { writeDemoWorkspace } from '../demoWorkspace.js';
import { DemoError, ExitCode } from '../exitCodes.js';
import { readPackageVersions } from '../packageVersions.js';
import { prepareServeHome } from '../serveHome.js';
import type { ProviderServer } from '../server/providerServer.js';
import { startDemoServer } from '../server/startDemoServer.js';
import { formatTourTable, runTour } from '../tour.js';
import { tourVerdict } from '../tourVerdict.js';

/** `serve` (the embedded provider server in the foreground) and `tour` (what `npm run demo` runs). */
export function registerDemoCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('run the embedded OpenAI-compatible server that verifies every credential')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', parsePort)
    .option('--force', 'replace config.toml and auth.json in a chosen home that already has them')
    .addHelpText(
      'after',
      '\nWithout --home or XDEMO_HOME, serve writes into a temporary home removed on stop; ~/.xdemo is left alone.' +
        '\nOnly requests for localhost, 127.x.x.x or [::1] on its port are answered (421 otherwise).',
    )
    .action(async (options: { port?: number; force?: boolean }) => {
      const target = await prepareServeHome(chosenHome(globals()), options.force === true);
      const { home } = target;
      let server: ProviderServer | undefined;
      try {
        const started = await startDemoServer(options.port);
        server = started.server;
        const apiKey = started.apiKey;
        const workspace = await writeDemoWorkspace(home, server);
        await openManager(home).loginWithApiKey(apiKey);
        const replaced = target.replaced.length
          ? `\nReplaced the existing ${target.replaced.join(' and ')} in ${home} (--force).`
          : '';
        const where = target.temporary ? `a temporary home, ${home} (removed on stop)` : home;
        console.log(`xdemo server listening on ${server.origin}
${replaced}
Wrote ${workspace.configFile} with one provider per auth path, and logged
${where} in with a fresh API key for this server. In another terminal:

  export XDEMO_HOME=${home}
  export AWS_SHARED_CREDENTIALS_FILE=${workspace.awsEnv.AWS_SHARED_CREDENTIALS_FILE}
  export AWS_CONFIG_FILE=${workspace.awsEnv.AWS_CONFIG_FILE}
  xdemo ask --provider xdemo-apikey "hello"
  xdemo ask --provider xdemo-command "hello"
  xdemo ask --provider amazon-bedrock "hello"

Config snippet for another client:

  [model_providers.xdemo]
  name = "xdemo"
  base_url = "${server.openaiBaseUrl}"
  requires_openai_auth = true

Press Ctrl-C to stop.`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
      } finally {
        await server?.close();
        await target.release();
      }
    });

  program
    .command('versions')
    .description('print the version of each composed @x package')
    .action(async () => {
      for (const { name, version } of await readPackageVersions())
        console.log(`${name.padEnd(20)} ${version}`);
    });

  program
    .command('tour')
    .description('start the server in a temporary home and show every auth path working, offline')
    .action(async () => {
      const versions = await readPackageVersions();
      console.log(`composing ${versions.map((v) => `${v.name}@${v.version}`).join(', ')}`);
      const rows = await runTour();
      console.log(`\n${formatTourTable(rows)}\n`);
      const verdict = tourVerdict(rows);
      if (verdict.exitCode !== ExitCode.ok) throw new DemoError(verdict.message, verdict.exitCode);
      console.log(verdict.message);
    });
}

/** `--port`: a whole number from 0 to 65535, else a usage error (exit 2) naming the option. */
function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}
