import type { Command } from 'commander';
import { askProvider } from '../askProvider.js';
import { type GlobalOptions, openContext } from '../context.js';
import { DemoError, ExitCode } from '../exitCodes.js';

/** `providers [--json]`, `models --provider ID`, `ask --provider ID "prompt"`. */
export function registerProviderCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('providers')
    .description('list providers with their base URL and auth method (never a secret)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { registry } = await openContext(globals());
      const providers = registry.list();
      if (options.json) {
        console.log(JSON.stringify(providers, null, 2));
        return;
      }
      const width = Math.max(...providers.map((p) => p.id.length));
      for (const p of providers)
        console.log(`${p.id.padEnd(width)}  ${p.authMethod.padEnd(19)}  ${p.baseUrl}`);
    });

  program
    .command('models')
    .description("list a provider's models, using its auth")
    .requiredOption('--provider <id>', 'provider id')
    .action(async (options: { provider: string }) => {
      const { registry } = await openContext(globals());
      for (const model of await (await registry.resolve(options.provider)).listModels())
        console.log(model.id);
    });

  program
    .command('ask')
    .description('stream a Responses API answer through the official openai client')
    .argument('<prompt>', 'what to ask')
    .option('--provider <id>', 'provider id (default: model_provider from config.toml, else openai)')
    .option('--model <model>', 'model (default: model from config.toml)')
    .option('--no-stream', 'wait for the whole answer instead of streaming')
    .action(async (prompt: string, options: { provider?: string; model?: string; stream: boolean }) => {
      const { registry, config } = await openContext(globals());
      const model = options.model ?? config.model;
      if (!model) throw new DemoError('no model: pass --model or set `model` in config.toml', ExitCode.usage);
      const provider = await registry.resolve(options.provider ?? registry.defaultProviderId());
      await askProvider(provider, {
        model,
        prompt,
        stream: options.stream,
        onDelta: (d) => process.stdout.write(d),
      });
      process.stdout.write('\n');
    });
}
