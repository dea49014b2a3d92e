import { providerAuthMethod } from '../auth/authMethod.js';
import { previewBedrockBaseUrl } from '../auth/bedrockRegion.js';
import { bedrockKindOf, builtInProviders } from '../config/builtInProviders.js';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';
import { withoutUserinfo } from '../config/urlUserinfo.js';
import type { ProviderSummary } from './modelProvider.js';

/**
 * `registry.list()`: each provider's id, name, base URL and auth method; never a secret. A Bedrock
 * endpoint with no configured region shows the region of the stored Bedrock API key, if one is known.
 */
export function listProviders(
  infos: ReadonlyMap<string, ModelProviderInfo>,
  env: Record<string, string | undefined>,
  storedKeyRegion?: string | undefined,
): ProviderSummary[] {
  return [...infos.entries()].map(([id, info]) => {
    const kind = bedrockKindOf(id, info);
    return {
      id,
      name: info.name,
      // loadConfig refuses userinfo in base_url; a config built in code may still carry some.
      baseUrl: withoutUserinfo(
        kind ? previewBedrockBaseUrl(info, kind, env, storedKeyRegion) : (info.base_url ?? '(no base_url)'),
      ),
      authMethod: providerAuthMethod(id, info),
      builtIn: id in builtInProviders,
    };
  });
}
