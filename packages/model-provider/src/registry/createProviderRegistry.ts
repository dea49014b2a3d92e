import type { Auth } from '@x/auth-store';
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

  /** The stored Bedrock key's region that decides this provider's endpoint, if it may decide it. */
  const keyRegionFor = (id: string, info: ModelProviderInfo, auth: Auth | null): string | undefined =>
    bedrockKindOf(id, info) && info.base_url === undefined && auth?.mode === 'bedrockApiKey'
      ? auth.region
      : undefined;
  // What the auth manager last read, without reading anything: list() and get() stay synchronous.
  const cachedKeyRegion = (): string | undefined => {
    const auth = options.authManager?.currentAuth();
    return auth?.mode === 'bedrockApiKey' ? auth.region : undefined;
  };

  /** The provider for this stored-key region: built once per region, then reused. */
  function provide(id: string, info: ModelProviderInfo, storedKeyRegion: string | undefined): ModelProvider {
    const entry = created.get(id);
    if (entry && entry.storedKeyRegion === storedKeyRegion) return entry.provider;
    const provider = buildProvider(id, info, context, storedKeyRegion);
    created.set(id, { provider, storedKeyRegion });
    return provider;
  }

  return {
    list: () => listProviders(infos, context.env, cachedKeyRegion()),
    get(id) {
      const info = infoOf(id);
      return provide(id, info, keyRegionFor(id, info, options.authManager?.currentAuth() ?? null));
    },
    async resolve(id) {
      const info = infoOf(id);
      if (!bedrockKindOf(id, info) || info.base_url !== undefined || !options.authManager)
        return provide(id, info, undefined);
      return provide(id, info, keyRegionFor(id, info, await options.authManager.auth()));
    },
    defaultProviderId: () => options.config?.modelProvider ?? 'openai',
  };
}
