import type { Command } from 'commander';
import { type GlobalOptions, openManager, resolveHome } from '../context.js';
import { DemoError, ExitCode } from '../exitCodes.js';
import { readSecretFromStdin } from '../readSecretFromStdin.js';

/** `login --with-api-key`, `login --with-bedrock-api-key --region R`, `login status`, `logout`. */
export function registerLoginCommands(program: Command, globals: () => GlobalOptions): void {
  const login = program
    .command('login')
    .description('store credentials under the home folder (the secret is read from stdin)')
    .option('--with-api-key', 'log in with an OpenAI-style API key read from stdin')
    .option('--with-bedrock-api-key', 'log in with an Amazon Bedrock API key read from stdin')
    .option('--region <region>', 'AWS region of the Bedrock API key')
    .action(async (options: { withApiKey?: boolean; withBedrockApiKey?: boolean; region?: string }) => {
      const manager = openManager(resolveHome(globals()));
      if (options.withApiKey && options.withBedrockApiKey) {
        throw new DemoError('choose one of --with-api-key and --with-bedrock-api-key', ExitCode.usage);
      }
      if (options.withApiKey) {
        const key = await readSecretFromStdin(
          'the API key',
          'printenv OPENAI_API_KEY | xdemo login --with-api-key',
        );
        await manager.loginWithApiKey(key);
        console.log('Logged in with an API key.');
        return;
      }
      if (options.withBedrockApiKey) {
        if (!options.region)
          throw new DemoError('--with-bedrock-api-key needs --region <region>', ExitCode.usage);
        const apiKey = await readSecretFromStdin(
          'the Bedrock API key',
          'printenv AWS_BEARER_TOKEN_BEDROCK | xdemo login --with-bedrock-api-key --region us-east-1',
        );
        await manager.loginWithBedrockApiKey({ apiKey, region: options.region });
        console.log(`Logged in with an Amazon Bedrock API key for ${options.region}.`);
        return;
      }
      throw new DemoError(
        'say how to log in: --with-api-key or --with-bedrock-api-key --region <region>',
        ExitCode.usage,
      );
    });

  login
    .command('status')
    .description('show how you are logged in (keys masked); exits 1 when not logged in')
    .action(async () => {
      const status = await openManager(resolveHome(globals())).status();
      if (!status.loggedIn) throw new DemoError('Not logged in', ExitCode.failure);
      const details = [
        status.maskedKey && `key ${status.maskedKey}`,
        status.region && `region ${status.region}`,
        status.email && `email ${status.email}`,
        status.planType && `plan ${status.planType}`,
        `stored in ${status.storeMode}`,
      ].filter(Boolean);
      console.log(`Logged in using ${status.mode} (${details.join(', ')})`);
    });

  program
    .command('logout')
    .description('remove stored credentials from every store')
    .action(async () => {
      const removed = await openManager(resolveHome(globals())).logout();
      console.log(removed ? 'Logged out.' : 'Not logged in; nothing to remove.');
    });
}
