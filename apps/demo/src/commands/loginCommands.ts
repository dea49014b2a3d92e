import type { Command } from 'commander';
import { type GlobalOptions, openLogin } from '../context.js';
import { DemoError } from '../demoError.js';
import { ExitCode } from '../exitCode.js';
import { printJson } from '../printJson.js';
import { readSecretFromStdin } from '../readSecretFromStdin.js';

const API_KEY_EXAMPLE = 'printenv OPENAI_API_KEY | xdemo login --with-api-key';
const BEDROCK_KEY_EXAMPLE =
  'printenv AWS_BEARER_TOKEN_BEDROCK | xdemo login --with-bedrock-api-key --region us-east-1';
const AGENT_IDENTITY_EXAMPLE = 'printenv CODEX_AGENT_IDENTITY | xdemo login --agent-identity';
const LOGIN_WAYS = ['--with-api-key', '--with-bedrock-api-key', '--agent-identity'] as const;

interface LoginOptions {
  withApiKey?: boolean;
  withBedrockApiKey?: boolean;
  agentIdentity?: boolean;
  region?: string;
}

/**
 * `login --with-api-key`, `login --with-bedrock-api-key --region R`, `login --agent-identity`,
 * `login status`, `logout`.
 */
export function registerLoginCommands(program: Command, globals: () => GlobalOptions): void {
  const login = program
    .command('login')
    .description('store credentials under the home folder (the secret is read from stdin)')
    .option('--with-api-key', 'log in with an OpenAI-style API key read from stdin')
    .option('--with-bedrock-api-key', 'log in with an Amazon Bedrock API key read from stdin')
    .option('--region <region>', 'AWS region of the Bedrock API key')
    .option('--agent-identity', 'log in with an Agent Identity JWT read from stdin')
    .addHelpText(
      'after',
      `\nExamples:\n  ${API_KEY_EXAMPLE}\n  ${BEDROCK_KEY_EXAMPLE}\n  ${AGENT_IDENTITY_EXAMPLE}`,
    )
    .action(async (options: LoginOptions) => {
      const { manager } = await openLogin(globals());
      const chosen = [options.withApiKey, options.withBedrockApiKey, options.agentIdentity].filter(Boolean);
      if (chosen.length > 1) {
        throw new DemoError('INVALID_USAGE', `choose one of ${LOGIN_WAYS.join(', ')}`, ExitCode.usage);
      }
      if (options.agentIdentity) {
        const jwt = await readSecretFromStdin('the Agent Identity JWT', AGENT_IDENTITY_EXAMPLE);
        await manager.loginWithAgentIdentity(jwt);
        const status = await manager.status();
        console.log(
          `Logged in with an Agent Identity${status.email ? ` (${status.email})` : ''}` +
            `${status.accountId ? ` for account ${status.accountId}` : ''}.`,
        );
        return;
      }
      if (options.withApiKey) {
        await manager.loginWithApiKey(await readSecretFromStdin('the API key', API_KEY_EXAMPLE));
        console.log('Logged in with an API key.');
        return;
      }
      if (options.withBedrockApiKey) {
        if (!options.region)
          throw new DemoError(
            'INVALID_USAGE',
            '--with-bedrock-api-key needs --region <region>',
            ExitCode.usage,
          );
        const apiKey = await readSecretFromStdin('the Bedrock API key', BEDROCK_KEY_EXAMPLE);
        await manager.loginWithBedrockApiKey({ apiKey, region: options.region });
        console.log(`Logged in with an Amazon Bedrock API key for ${options.region}.`);
        return;
      }
      throw new DemoError(
        'INVALID_USAGE',
        'say how to log in: --with-api-key, --with-bedrock-api-key --region <region>, or --agent-identity',
        ExitCode.usage,
      );
    });

  login
    .command('status')
    .description('show how you are logged in (keys masked); exits 1 when not logged in')
    .option('--json', 'print the status as JSON')
    .action(async (options: { json?: boolean }) => {
      const { home, manager } = await openLogin(globals());
      const status = await manager.status();
      if (options.json) printJson(status);
      if (!status.loggedIn) {
        throw new DemoError(
          'NOT_LOGGED_IN',
          `Not logged in (home ${home}). Log in with: ${API_KEY_EXAMPLE}, or: ${BEDROCK_KEY_EXAMPLE}, or: ${AGENT_IDENTITY_EXAMPLE}`,
          ExitCode.failure,
        );
      }
      if (options.json) return;
      const details = [
        status.maskedKey && `key ${status.maskedKey}`,
        status.region && `region ${status.region}`,
        status.email && `email ${status.email}`,
        status.planType && `plan ${status.planType}`,
        status.accountId && `account ${status.accountId}`,
        `stored in ${status.storeMode}`,
      ].filter(Boolean);
      console.log(`Logged in using ${status.mode} (${details.join(', ')})`);
    });

  program
    .command('logout')
    .description('remove stored credentials from every store')
    .action(async () => {
      const removed = await (await openLogin(globals())).manager.logout();
      console.log(removed ? 'Logged out.' : 'Not logged in; nothing to remove.');
    });
}
