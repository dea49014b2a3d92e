import type { ModelProviderInfo } from '../config/modelProviderInfo.js';

/**
 * A frozen copy of the provider's settings in which `experimental_bearer_token` is a non-enumerable
 * getter: readable by code that asks for it, never shown by `util.inspect` (even with `showHidden`),
 * `JSON.stringify` or spreads.
 */
export function sealInfo(info: ModelProviderInfo): Readonly<ModelProviderInfo> {
  const { experimental_bearer_token: token, ...visible } = info;
  if (token !== undefined)
    Object.defineProperty(visible, 'experimental_bearer_token', { get: () => token, enumerable: false });
  return Object.freeze(visible);
}
