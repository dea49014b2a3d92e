import type { AuthManager } from '@x/auth-store';
import { AwsAuthError, bedrockEndpoint, resolveRegionWithSource } from '@x/aws-auth/endpoints';
import type { ModelProviderInfo } from '../config/providerInfoSchema.js';
import type { AuthSource } from '../pipeline/authSource.js';
import { ProviderConfigError } from '../providerConfigError.js';
import { commandSource } from './genericAuthSource.js';
import { raceAbort } from './raceAbort.js';

/** Codex's Bedrock default when no region is configured anywhere (seed 001). */
export const DEFAULT_BEDROCK_REGION = 'us-east-1';

interface BedrockContext {
  env: Record<string, string | undefined>;
  authManager?: AuthManager | undefined;
  /** The region of a Bedrock API key the auth manager holds, when the caller has looked it up. */
  storedKeyRegion?: string | undefined;
}

/**
 * The endpoint region: `aws.region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's region; when
 * none is set, the region of a stored Bedrock API key (a short-term key only works in its own
 * region), else Codex's default.
 */
function regionOf(info: ModelProviderInfo, context: BedrockContext): { region: string; source: string } {
  try {
    return resolveRegionWithSource({
      region: info.aws?.region,
      profile: info.aws?.profile,
      env: context.env,
    });
  } catch (error) {
    if (!(error instanceof AwsAuthError) || error.code !== 'REGION_MISSING') throw error;
    if (context.storedKeyRegion !== undefined && !info.aws?.profile) {
      return { region: context.storedKeyRegion, source: 'the stored Bedrock API key' };
    }
    return { region: DEFAULT_BEDROCK_REGION, source: 'default' };
  }
}

/**
 * Base URL and auth of an Amazon Bedrock provider, in Codex's source order: the provider's `auth`
 * command, `aws.profile`, a Bedrock API key stored by the auth manager (with its region),
 * `AWS_BEARER_TOKEN_BEDROCK`, environment keys, the default chain. `@x/aws-auth`'s signer (and with
 * it `@smithy/*` and `@aws-sdk/*`) is imported only when a request is first authorized.
 */
export function bedrockSetup(
  id: string,
  info: ModelProviderInfo,
  kind: 'mantle' | 'runtime',
  context: BedrockContext,
): { baseUrl: string; auth: AuthSource } {
  const { region, source: regionSource } = regionOf(info, context);
  const baseUrl = info.base_url ?? bedrockEndpoint({ region, endpoint: kind }).baseUrl;
  if (info.auth !== undefined) return { baseUrl, auth: commandSource(info.auth) };

  let resolved: Promise<AuthSource> | undefined;
  // The settled source, so that every request after the first skips a promise hop.
  let ready: AuthSource | undefined;
  context.authManager?.onChange(() => {
    resolved = undefined; // a login or logout may add or remove the stored Bedrock key
    ready = undefined;
  });
  const resolve = (): Promise<AuthSource> => {
    if (resolved) return resolved;
    const pending = (async (): Promise<AuthSource> => {
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
        return createBedrockAuth({ ...common, region: stored.region, apiKey: stored.apiKey });
      }
      return createBedrockAuth({ ...common, region });
    })();
    resolved = pending;
    pending.then(
      (source) => {
        if (resolved === pending) ready = source;
      },
      () => {
        if (resolved === pending) resolved = undefined; // try again on the next request
      },
    );
    return pending;
  };

  const auth: AuthSource & { describeAsync(): Promise<object> } = {
    // An abort stops this caller's wait for the setup (the signer's import, the stored login); the
    // setup itself goes on for the next request.
    authorize: (request, options) =>
      ready
        ? ready.authorize(request, options)
        : raceAbort(resolve(), options?.signal).then((source) => source.authorize(request, options)),
    recover: async (response, request) => (await resolve()).recover?.(response, request) ?? false,
    describe: () => ({ method: 'aws-bedrock', endpoint: kind, region, regionSource }),
    describeAsync: async () => ({ method: 'aws-bedrock', ...(await resolve()).describe() }),
  };
  return { baseUrl, auth };
}

/** The base URL `list()` shows for a Bedrock provider before any stored login is read. */
bedrockSetup.previewBaseUrl = (
  info: ModelProviderInfo,
  kind: 'mantle' | 'runtime',
  env: BedrockContext['env'],
): string => {
  if (info.base_url !== undefined) return info.base_url;
  try {
    return bedrockEndpoint({ region: regionOf(info, { env }).region, endpoint: kind }).baseUrl;
  } catch {
    return '(invalid AWS region)';
  }
};
