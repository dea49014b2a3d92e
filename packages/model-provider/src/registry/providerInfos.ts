import { builtInProviders } from '../config/builtInProviders.js';
import type { BuiltInOverride, ModelProviderInfo } from '../config/modelProviderInfo.js';
import type { ProviderConfig } from '../config/providerConfig.js';

/**
 * Every provider's settings by id: the built-ins first (with the user's overrides laid over them),
 * then the configured providers.
 */
export function providerInfos(config: ProviderConfig | undefined): Map<string, ModelProviderInfo> {
  const infos = new Map<string, ModelProviderInfo>();
  for (const [id, info] of Object.entries(builtInProviders)) {
    const override = config?.builtInOverrides[id];
    infos.set(id, override ? withOverride(info, override) : { ...info });
  }
  for (const [id, info] of Object.entries(config?.modelProviders ?? {})) infos.set(id, info);
  return infos;
}

/**
 * A built-in with the user's allowed fields laid over it. `http_headers` is merged rather than
 * replaced, so adding a header keeps the built-in ones (Mantle's client-agent header); naming a
 * built-in header sets its value.
 */
function withOverride(info: ModelProviderInfo, override: BuiltInOverride): ModelProviderInfo {
  const merged: ModelProviderInfo = { ...info, ...override };
  if (info.http_headers && override.http_headers) {
    merged.http_headers = { ...info.http_headers, ...override.http_headers };
  }
  return merged;
}
