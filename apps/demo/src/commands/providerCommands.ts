import type { Command } from 'commander';
import { askProvider } from '../askProvider.js';
import { type GlobalOptions, openContext } from '../context.js';
import { DemoError } from '../demoError.js';
import { ExitCode } from '../exitCode.js';
import { printJson } from '../printJson.js';
import { providerClient } from '../providerClient.js';

/** `providers [--json]`, `models --provider ID [--json]`, `ask --provider ID "prompt"`. */
export function registerProviderCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('providers')
    .description('list providers with their base URL and auth method (never a secret)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { registry } = await openContext(globals());
      const providers = registry.list();
      if (options.json) return printJson(providers);
      const width = Math.max(...providers.map((p) => p.id.length));
      for (const p of providers)
        console.log(`${p.id.padEnd(width)}  ${p.authMethod.padEnd(19)}  ${p.baseUrl}`);
    });

  program
    .command('models')
    .description("list a provider's models through the official openai client, using the provider's auth")
    .requiredOption('--provider <id>', 'provider id')
    .option('--json', 'print the models as the provider listed them, as JSON')
    .action(async (options: { provider: string; json?: boolean }) => {
      const { registry, notice } = await openContext(globals());
      const client = providerClient(await registry.resolve(options.provider), { notice });
      const models = [];
      for await (const model of client.models.list()) models.push(model);
      if (options.json) return printJson(models);
      for (const model of models) console.log(model.id);
    });

  program
    .command('ask')
    .description('stream a Responses API answer through the official openai client')
    .argument('<prompt>', 'what to ask')
    .option('--provider <id>', 'provider id (default: model_provider from config.toml, else openai)')
    .option('--model <model>', 'model (default: model from config.toml)')
    .option('--no-stream', 'wait for the whole answer instead of streaming')
    .action(async (prompt: string, options: { provider?: string; model?: string; stream: boolean }) => {
      const { registry, config, notice } = await openContext(globals());
      const model = options.model ?? config.model;
      if (!model)
        throw new DemoError(
          'NO_MODEL',
          'no model: pass --model or set `model` in config.toml',
          ExitCode.usage,
        );
      const provider = await registry.resolve(options.provider ?? registry.defaultProviderId());
      await askProvider(provider, {
        model,
        prompt,
        stream: options.stream,
        onDelta: (d) => process.stdout.write(d),
        notice,
      });
      process.stdout.write('\n');
    });
}
