import { type Command, InvalidArgumentError } from 'commander';
import { type GlobalOptions, openManager, resolveHome } from '../context.js';
import { writeDemoWorkspace } from '../demoWorkspace.js';
import { DemoError, ExitCode } from '../exitCodes.js';
import { readPackageVersions } from '../packageVersions.js';
import { startDemoServer } from '../server/startDemoServer.js';
import { formatTourTable, runTour } from '../tour.js';

/** `serve` (the embedded provider server in the foreground) and `tour` (what `npm run demo` runs). */
export function registerDemoCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('run the embedded OpenAI-compatible server that verifies every credential')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', parsePort)
    .action(async (options: { port?: number }) => {
      const home = resolveHome(globals());
      const { server, apiKey } = await startDemoServer(options.port);
      const workspace = await writeDemoWorkspace(home, server);
      await openManager(home).loginWithApiKey(apiKey);
      console.log(`xdemo server listening on ${server.origin}

Wrote ${workspace.configFile} with one provider per auth path, and logged ${home} in
with a fresh API key for this server. In another terminal:

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
      await server.close();
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
      const failed = rows.filter((r) => !r.ok).length;
      if (failed > 0)
        throw new DemoError(`${failed} of ${rows.length} auth paths were not verified`, ExitCode.failure);
      console.log(`All ${rows.length} auth paths verified by the server.`);
    });
}

/** `--port`: a whole number from 0 to 65535, else a usage error (exit 2) naming the option. */
function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}
