import type { AuthSource } from '@x/auth-seam';
import type { AuthManager } from '@x/auth-store';
import { bedrockEndpoint } from '@x/aws-auth/endpoints';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';
import { ProviderConfigError } from '../errors.js';
import { bedrockRegion } from './bedrockRegion.js';
import { commandSource } from './commandSource.js';
import { lazySource } from './lazySource.js';

/** What a Bedrock provider's auth is resolved with, besides its settings. */
export interface BedrockContext {
  env: Record<string, string | undefined>;
  authManager?: AuthManager | undefined;
  /** The region of a Bedrock API key the auth manager holds, when the caller has looked it up. */
  storedKeyRegion?: string | undefined;
}

/**
 * Base URL and auth of an Amazon Bedrock provider, in Codex's source order: the provider's `auth`
 * command, `aws.profile`, a Bedrock API key stored by the auth manager (with its region),
 * `AWS_BEARER_TOKEN_BEDROCK`, environment keys, the default chain. `@x/aws-auth`'s signer (and with
 * it `@smithy/*` and `@aws-sdk/*`) is imported only when the source is first used.
 */
export function bedrockSetup(
  id: string,
  info: ModelProviderInfo,
  kind: 'mantle' | 'runtime',
  context: BedrockContext,
): { baseUrl: string; auth: AuthSource } {
  const { region, source: regionSource } = bedrockRegion(info, context.env, context.storedKeyRegion);
  const baseUrl = info.base_url ?? bedrockEndpoint({ region, endpoint: kind }).baseUrl;
  if (info.auth !== undefined) return { baseUrl, auth: commandSource(info.auth) };

  const lazy = lazySource(async (): Promise<AuthSource> => {
    const { createBedrockAuth } = await import('@x/aws-auth');
    const common = { endpoint: kind, baseUrl, env: context.env } as const;
    if (info.aws?.profile)
      return createBedrockAuth({ ...common, region, profile: info.aws.profile, apiKey: null });
    const stored = await context.authManager?.auth();
    if (stored?.mode === 'bedrockApiKey') {
      if (info.base_url === undefined && stored.region !== region) {
        throw new ProviderConfigError(
          'AUTH_RESOLUTION_FAILED',
          `provider \`${id}\`: the stored Bedrock API key is for ${stored.region} but the endpoint region is ${region} (from ${regionSource}); ${
            regionSource === 'default'
              ? 'get the provider with `await registry.resolve(id)`, which takes the region from the stored key, or set'
              : 'set'
          } aws.region = "${stored.region}", or log in with a key for ${region}`,
        );
      }
      const bedrock = createBedrockAuth({ ...common, region: stored.region, apiKey: stored.apiKey });
      return storedKeySource(bedrock, context.authManager?.storeMode, info.base_url ? {} : { regionSource });
    }
    return createBedrockAuth({ ...common, region });
  });
  // A login or logout may add or remove the stored Bedrock key: the source is chosen again.
  context.authManager?.onChange(() => lazy.reset());
  const auth: AuthSource = {
    ...lazy.source,
    // Built as a request would be, so it names the source a request would use.
    describe: async () => ({ method: 'aws-bedrock', ...(await lazy.source.describe()) }),
  };
  return { baseUrl, auth };
}

/**
 * A Bedrock source built from the stored key: `describe()` names the auth store (and, when the
 * endpoint region is ours to pick, where it came from) instead of the signer's option names.
 */
function storedKeySource(
  bedrock: AuthSource,
  storeMode: string | undefined,
  extra: { regionSource?: string },
): AuthSource {
  return {
    authorize: (request, options) => bedrock.authorize(request, options),
    recover: (response, request) => bedrock.recover?.(response, request) ?? Promise.resolve(false),
    describe: async () => ({
      ...(await bedrock.describe()),
      source: `stored Bedrock API key (${storeMode ?? 'auth'} store)`,
      ...extra,
    }),
  };
}
