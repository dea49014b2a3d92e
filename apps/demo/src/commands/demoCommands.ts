import { type Command, InvalidArgumentError, Option } from 'commander';
import { chosenHome, codexHomeOption, type GlobalOptions, openManager } from '../context.js';
import { DemoError } from '../demoError.js';
import { writeDemoWorkspace } from '../demoWorkspace.js';
import { ExitCode } from '../exitCode.js';
import { formatTourTable } from '../formatTourTable.js';
import { readDemoVersion, readPackageVersions } from '../packageVersions.js';
import { printJson } from '../printJson.js';
import { serveAgentIdentity } from '../serveAgentIdentity.js';
import { prepareServeHome } from '../serveHome.js';
import { TASK_ID_MODES, type TaskIdMode } from '../server/agentIdentity/agentIdentityDirectory.js';
import { FAIL_HEADER } from '../server/failureInjector.js';
import type { ProviderServer } from '../server/providerServer.js';
import { startDemoServer } from '../server/startDemoServer.js';
import { runTour } from '../tour.js';
import { tourVerdict } from '../tourVerdict.js';

/** `serve` (the embedded provider server in the foreground) and `tour` (what `npm run demo` runs). */
export function registerDemoCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('serve')
    .description('run the embedded OpenAI-compatible server that verifies every credential')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', parsePort)
    .option('--force', 'replace config.toml and auth.json in a chosen home that already has them')
    .addOption(
      new Option('--agent-task-ids <form>', 'how Agent Identity task ids are sent')
        .choices(TASK_ID_MODES)
        .default('alternate'),
    )
    .addHelpText(
      'after',
      '\nWithout --home or XDEMO_HOME, serve writes into a temporary home removed on stop; ~/.xdemo is left alone.' +
        '\nOnly requests for localhost, 127.x.x.x or [::1] on its port are answered (421 otherwise).' +
        '\nRoutes: GET /models, POST /responses, POST /chat/completions under /v1 and /openai/v1.' +
        `\nA request with ${FAIL_HEADER}: 429;retry-after=1;times=1 (or a 5xx status) is failed on purpose.`,
    )
    .action(async (options: { port?: number; force?: boolean; agentTaskIds: TaskIdMode }) => {
      if (codexHomeOption(globals()) !== undefined)
        throw new DemoError(
          'INVALID_USAGE',
          'serve writes a config.toml and a login into its home, and a Codex home is only read: use --home',
          ExitCode.usage,
        );
      const target = await prepareServeHome(chosenHome(globals()), options.force === true);
      const { home } = target;
      let server: ProviderServer | undefined;
      try {
        const started = await startDemoServer({
          ...(options.port === undefined ? {} : { port: options.port }),
          agentTaskIds: options.agentTaskIds,
        });
        server = started.server;
        const apiKey = started.apiKey;
        const workspace = await writeDemoWorkspace(home, server);
        await openManager(home).loginWithApiKey(apiKey);
        const agentIdentityFile = await serveAgentIdentity(home, server);
        const lines = [`xdemo server listening on ${server.origin}`, ''];
        if (target.replaced.length)
          lines.push(`Replaced the existing ${target.replaced.join(' and ')} in ${home} (--force).`);
        lines.push(
          target.temporary ? `Home: ${home} (temporary, removed on stop).` : `Home: ${home}.`,
          `Wrote ${workspace.configFile} with one provider per auth path, and logged this home in`,
          'with a fresh API key for this server. In another terminal:',
          '',
          `  export XDEMO_HOME=${home}`,
          `  export AWS_SHARED_CREDENTIALS_FILE=${workspace.awsEnv.AWS_SHARED_CREDENTIALS_FILE}`,
          `  export AWS_CONFIG_FILE=${workspace.awsEnv.AWS_CONFIG_FILE}`,
          '  xdemo ask --provider xdemo-apikey "hello"',
          '  xdemo ask --provider xdemo-command "hello"',
          '  xdemo ask --provider amazon-bedrock "hello"',
          '',
          `An Agent Identity this server trusts (task ids: ${options.agentTaskIds}), to log in with instead:`,
          '',
          `  export CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL=${server.agentAuthapiBaseUrl}`,
          `  xdemo login --agent-identity < ${agentIdentityFile}`,
          '  xdemo ask --provider xdemo-agent "hello"',
          '',
          'Config snippet for another client:',
          '',
          '  [model_providers.xdemo]',
          '  name = "xdemo"',
          `  base_url = "${server.openaiBaseUrl}"`,
          '  requires_openai_auth = true',
          '',
          `To see a client retry, send the header ${FAIL_HEADER}: 429;retry-after=1;times=1 (or 503).`,
          '',
          'Press Ctrl-C to stop.',
        );
        console.log(lines.join('\n'));
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
    .description('print the version of xdemo and of each composed @x package')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const [demo, packages] = await Promise.all([readDemoVersion(), readPackageVersions()]);
      if (options.json) return printJson({ ...demo, packages });
      for (const { name, version } of [demo, ...packages]) console.log(`${name.padEnd(20)} ${version}`);
    });

  program
    .command('tour')
    .description('start the server in a temporary home and show every auth path working, offline')
    .option('--json', 'print the packages, one row per auth path and the verdict as JSON')
    .action(async (options: { json?: boolean }) => {
      if (codexHomeOption(globals()) !== undefined)
        throw new DemoError(
          'INVALID_USAGE',
          'tour runs in a temporary home of its own; --codex-home does not apply',
          ExitCode.usage,
        );
      // With --json, stdout carries the JSON alone; the progress lines go to stderr.
      const log = options.json ? (line: string) => console.error(line) : (line: string) => console.log(line);
      const packages = await readPackageVersions();
      log(`composing ${packages.map((v) => `${v.name}@${v.version}`).join(', ')}`);
      const rows = await runTour(log);
      const verdict = tourVerdict(rows);
      const ok = verdict.exitCode === ExitCode.ok;
      if (options.json) printJson({ packages, rows, ok, message: verdict.message });
      else console.log(`\n${formatTourTable(rows)}\n`);
      if (!ok) throw new DemoError('TOUR_FAILED', verdict.message, verdict.exitCode);
      if (!options.json) console.log(verdict.message);
    });
}

/** `--port`: a whole number from 0 to 65535, else a usage error (exit 2) naming the option. */
function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65_535))
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return port;
}
