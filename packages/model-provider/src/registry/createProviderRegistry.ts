import { bedrockKindOf } from '../config/builtInProviders.js';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';
import { ProviderConfigError } from '../errors.js';
import { buildProvider } from './buildProvider.js';
import { listProviders } from './listProviders.js';
import type { ModelProvider } from './modelProvider.js';
import { providerInfos } from './providerInfos.js';
import type { ProviderRegistry, ProviderRegistryOptions } from './providerRegistry.js';

/**
 * Builds the registry of built-in and configured providers. Nothing runs until a provider is used.
 * @public
 */
export function createProviderRegistry(options: ProviderRegistryOptions = {}): ProviderRegistry {
  const context = { ...options, env: options.env ?? process.env };
  const infos = providerInfos(options.config);
  const created = new Map<string, { provider: ModelProvider; storedKeyRegion: string | undefined }>();

  const infoOf = (id: string): ModelProviderInfo => {
    const info = infos.get(id);
    if (!info) {
      throw new ProviderConfigError(
        'UNKNOWN_PROVIDER',
        `no provider with id \`${id}\`; known: ${[...infos.keys()].join(', ')}`,
      );
    }
    return info;
  };

  function get(id: string): ModelProvider {
    let entry = created.get(id);
    if (!entry) {
      entry = { provider: buildProvider(id, infoOf(id), context), storedKeyRegion: undefined };
      created.set(id, entry);
    }
    return entry.provider;
  }

  return {
    list: () => listProviders(infos, context.env),
    get,
    async resolve(id) {
      const info = infoOf(id);
      if (!bedrockKindOf(id, info) || info.base_url !== undefined || !options.authManager) return get(id);
      const stored = await options.authManager.auth();
      const storedKeyRegion = stored?.mode === 'bedrockApiKey' ? stored.region : undefined;
      const entry = created.get(id);
      if (entry && entry.storedKeyRegion === storedKeyRegion) return entry.provider;
      const provider = buildProvider(id, info, context, storedKeyRegion);
      created.set(id, { provider, storedKeyRegion });
      return provider;
    },
    defaultProviderId: () => options.config?.modelProvider ?? 'openai',
  };
}
