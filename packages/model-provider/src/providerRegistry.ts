import type { AuthManager } from '@x/auth-store';
import { type AuthMethod, authMethodOf } from './authMethod.js';
import { bedrockEndpointKinds, builtInProviders } from './builtInProviders.js';
import type { BuiltInOverride } from './config/builtInOverrideSchema.js';
import type { ProviderConfig } from './config/providerConfig.js';
import {
  DEFAULT_REQUEST_MAX_RETRIES,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  DEFAULT_STREAM_MAX_RETRIES,
  MAX_REQUEST_MAX_RETRIES,
  MAX_STREAM_MAX_RETRIES,
  type ModelProviderInfo,
} from './config/providerInfoSchema.js';
import { bedrockSetup } from './internal/bedrockSetup.js';
import { genericAuthSource } from './internal/genericAuthSource.js';
import { listModels } from './internal/listModels.js';
import { withoutUserinfo } from './internal/urlUserinfo.js';
import type { ModelProvider, ProviderSummary } from './modelProvider.js';
import type { AuthSource } from './pipeline/authSource.js';
import { createProviderFetch } from './pipeline/createProviderFetch.js';
import { ProviderConfigError } from './providerConfigError.js';

export interface ProviderRegistryOptions {
  config?: ProviderConfig;
  /** Needed by providers with `requires_openai_auth` and for a stored Bedrock API key. */
  authManager?: AuthManager;
  /** Environment for `env_key`, `env_http_headers` and AWS settings. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** The transport under every provider's fetch. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** First retry delay in ms (doubles per retry, with jitter). Default 200. */
  retryBaseDelayMs?: number;
  /**
   * Request body compression for every provider: `'gzip'` compresses bodies of 1 KiB or more once,
   * before they are authorized (so SigV4 signs the compressed bytes). Default `'none'`.
   */
  compression?: 'gzip' | 'none';
}

export interface ProviderRegistry {
  /** Every provider, built-ins first, with base URL and auth method; never a secret. */
  list(): ProviderSummary[];
  /** The provider with this id (created once, then reused, so token caches are shared). */
  get(id: string): ModelProvider;
  /**
   * Like `get`, after reading the stored login: for an Amazon Bedrock provider with no region
   * configured anywhere, a stored Bedrock API key's region then picks the endpoint. Prefer it when an
   * auth manager is in use.
   */
  resolve(id: string): Promise<ModelProvider>;
  /** `model_provider` from the config, else `openai`. */
  defaultProviderId(): string;
}

/** Builds the registry of built-in and configured providers. Nothing runs until a provider is used. */
export function createProviderRegistry(options: ProviderRegistryOptions = {}): ProviderRegistry {
  const env = options.env ?? process.env;
  const config = options.config;
  const infos = new Map<string, ModelProviderInfo>();
  for (const [id, info] of Object.entries(builtInProviders)) {
    const override = config?.builtInOverrides[id];
    infos.set(id, override ? withOverride(info, override) : { ...info });
  }
  for (const [id, info] of Object.entries(config?.modelProviders ?? {})) infos.set(id, info);
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
  const methodOf = (id: string, info: ModelProviderInfo): AuthMethod =>
    id in bedrockEndpointKinds && info.auth !== undefined ? 'command' : authMethodOf(info);

  function build(id: string, storedKeyRegion?: string): ModelProvider {
    const info = infoOf(id);
    const kind = bedrockKindOf(id, info);
    let baseUrl: string;
    let auth: AuthSource | undefined;
    if (kind !== undefined) {
      const bedrock = bedrockSetup(id, info, kind, {
        env,
        authManager: options.authManager,
        storedKeyRegion,
      });
      baseUrl = bedrock.baseUrl;
      auth = bedrock.auth;
    } else {
      if (info.base_url === undefined) {
        throw new ProviderConfigError('INVALID_FIELD', `provider \`${id}\` has no base_url`, {
          field: `model_providers.${id}.base_url`,
        });
      }
      baseUrl = info.base_url;
      auth = genericAuthSource(id, info, { env, authManager: options.authManager });
    }
    const providerFetch = createProviderFetch({
      baseUrl,
      auth,
      queryParams: info.query_params,
      httpHeaders: info.http_headers,
      envHttpHeaders: info.env_http_headers,
      env,
      requestMaxRetries: Math.min(
        info.request_max_retries ?? DEFAULT_REQUEST_MAX_RETRIES,
        MAX_REQUEST_MAX_RETRIES,
      ),
      streamMaxRetries: Math.min(
        info.stream_max_retries ?? DEFAULT_STREAM_MAX_RETRIES,
        MAX_STREAM_MAX_RETRIES,
      ),
      streamIdleTimeoutMs: info.stream_idle_timeout_ms ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
      ...(options.compression === undefined ? {} : { compression: options.compression }),
      ...(options.retryBaseDelayMs === undefined ? {} : { retryBaseDelayMs: options.retryBaseDelayMs }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    return {
      id,
      info: sealInfo(info),
      baseUrl,
      fetch: providerFetch,
      listModels: (opts) => listModels(providerFetch, baseUrl, opts?.signal),
      describeAuth: async () => ({
        provider: id,
        method: methodOf(id, info),
        ...(auth ? await describeOf(auth) : {}),
      }),
    };
  }

  function get(id: string): ModelProvider {
    let entry = created.get(id);
    if (!entry) {
      entry = { provider: build(id), storedKeyRegion: undefined };
      created.set(id, entry);
    }
    return entry.provider;
  }

  return {
    list: () =>
      [...infos.entries()].map(([id, info]) => {
        const kind = bedrockKindOf(id, info);
        return {
          id,
          name: info.name,
          // loadConfig refuses userinfo in base_url; a config built in code may still carry some.
          baseUrl: withoutUserinfo(
            kind ? bedrockSetup.previewBaseUrl(info, kind, env) : (info.base_url ?? '(no base_url)'),
          ),
          authMethod: methodOf(id, info),
          builtIn: id in builtInProviders,
        };
      }),
    get,
    async resolve(id) {
      const info = infoOf(id);
      if (!bedrockKindOf(id, info) || info.base_url !== undefined || !options.authManager) return get(id);
      const stored = await options.authManager.auth();
      const storedKeyRegion = stored?.mode === 'bedrockApiKey' ? stored.region : undefined;
      const entry = created.get(id);
      if (entry && entry.storedKeyRegion === storedKeyRegion) return entry.provider;
      const provider = build(id, storedKeyRegion);
      created.set(id, { provider, storedKeyRegion });
      return provider;
    },
    defaultProviderId: () => config?.modelProvider ?? 'openai',
  };
}

/**
 * A frozen copy of the provider's settings in which `experimental_bearer_token` is a non-enumerable
 * getter: readable by code that asks for it, never shown by `util.inspect` (even with `showHidden`),
 * `JSON.stringify` or spreads.
 */
function sealInfo(info: ModelProviderInfo): Readonly<ModelProviderInfo> {
  const { experimental_bearer_token: token, ...visible } = info;
  if (token !== undefined)
    Object.defineProperty(visible, 'experimental_bearer_token', { get: () => token, enumerable: false });
  return Object.freeze(visible);
}

/** `mantle` or `runtime` for a Bedrock provider (a built-in, or any provider with an `aws` table). */
function bedrockKindOf(id: string, info: ModelProviderInfo): 'mantle' | 'runtime' | undefined {
  return bedrockEndpointKinds[id] ?? (info.aws === undefined ? undefined : 'mantle');
}

async function describeOf(auth: AuthSource): Promise<Record<string, unknown>> {
  const described = (auth as { describeAsync?: () => Promise<object> }).describeAsync;
  return { ...(described ? await described() : auth.describe()) };
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
