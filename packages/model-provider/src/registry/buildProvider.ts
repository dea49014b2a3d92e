import type { AuthSource } from '@x/auth-seam';
import { providerAuthMethod } from '../auth/authMethod.js';
import { bedrockSetup } from '../auth/bedrockSetup.js';
import { genericAuthSource } from '../auth/genericAuthSource.js';
import { bedrockKindOf } from '../config/builtInProviders.js';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';
import {
  DEFAULT_REQUEST_MAX_RETRIES,
  DEFAULT_STREAM_IDLE_TIMEOUT_MS,
  DEFAULT_STREAM_MAX_RETRIES,
  MAX_REQUEST_MAX_RETRIES,
  MAX_STREAM_MAX_RETRIES,
} from '../config/retryLimits.js';
import { ProviderConfigError } from '../errors.js';
import { createProviderFetch } from '../pipeline/createProviderFetch.js';
import { clientOptions } from './clientOptions.js';
import { describeProviderAuth } from './describeProviderAuth.js';
import { listModels } from './listModels.js';
import type { ModelProvider } from './modelProvider.js';
import type { ProviderRegistryOptions } from './providerRegistry.js';
import { sealInfo } from './sealInfo.js';

/**
 * One provider from its settings: its base URL and auth source (Bedrock's, or the generic order),
 * and a fetch with the provider's query parameters, headers and retry limits.
 */
export function buildProvider(
  id: string,
  info: ModelProviderInfo,
  options: ProviderRegistryOptions & { env: Record<string, string | undefined> },
  storedKeyRegion?: string,
): ModelProvider {
  const { env, authManager } = options;
  const kind = bedrockKindOf(id, info);
  let baseUrl: string;
  let auth: AuthSource | undefined;
  if (kind !== undefined) {
    ({ baseUrl, auth } = bedrockSetup(id, info, kind, { env, authManager, storedKeyRegion }));
  } else {
    if (info.base_url === undefined) {
      throw new ProviderConfigError('INVALID_FIELD', `provider \`${id}\` has no base_url`, {
        field: `model_providers.${id}.base_url`,
      });
    }
    baseUrl = info.base_url;
    auth = genericAuthSource(id, info, { env, authManager });
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
    streamMaxRetries: Math.min(info.stream_max_retries ?? DEFAULT_STREAM_MAX_RETRIES, MAX_STREAM_MAX_RETRIES),
    streamIdleTimeoutMs: info.stream_idle_timeout_ms ?? DEFAULT_STREAM_IDLE_TIMEOUT_MS,
    compression: options.compression,
    retryBaseDelayMs: options.retryBaseDelayMs,
    fetch: options.fetch,
    onRetry: options.onRetry && ((event) => options.onRetry?.(event, id)),
  });
  return {
    id,
    info: sealInfo(info),
    baseUrl,
    fetch: providerFetch,
    clientOptions: () => clientOptions(baseUrl, providerFetch),
    listModels: (opts) => listModels(providerFetch, baseUrl, opts?.signal),
    describeAuth: () => describeProviderAuth(id, providerAuthMethod(id, info), auth),
  };
}
