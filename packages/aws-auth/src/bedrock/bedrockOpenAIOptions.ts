import { PLACEHOLDER_API_KEY } from '@x/auth-seam';
import type { AwsCredentials } from '../credentials/awsCredentials.js';
import { envValue, resolveEnv } from '../env.js';
import { AwsAuthError } from '../errors.js';
import { type BedrockFetchOptions, createBedrockFetch } from './bedrockFetch.js';
import type { BedrockOpenAIClientOptions, BedrockOpenAIOptions } from './bedrockOpenAITypes.js';
import { resolveAliases } from './resolveAliases.js';

/** Static keys from `accessKeyId`, `secretAccessKey` and `sessionToken`, checked to go together. */
function staticKeys(options: BedrockOpenAIOptions): AwsCredentials | undefined {
  const { accessKeyId, secretAccessKey, sessionToken } = options;
  if (accessKeyId === undefined && secretAccessKey === undefined && sessionToken === undefined) return;
  if (typeof accessKeyId !== 'string' || typeof secretAccessKey !== 'string') {
    throw new AwsAuthError(
      'INVALID_OPTION',
      'accessKeyId and secretAccessKey go together (and sessionToken only with both)',
    );
  }
  return sessionToken === undefined
    ? { accessKeyId, secretAccessKey }
    : { accessKeyId, secretAccessKey, sessionToken };
}

/** `baseURL`/`baseUrl` as given; `AWS_BEDROCK_BASE_URL` when neither is and `baseURL` is not null. */
function baseUrlOf(options: BedrockOpenAIOptions, given: string | null | undefined): string | undefined {
  if (given === null) return undefined;
  return given ?? envValue(resolveEnv(options.env), 'AWS_BEDROCK_BASE_URL');
}

/**
 * Options for the official clients, in one line: `new OpenAI(bedrockOpenAIOptions({ region }))`, or
 * `createOpenAI(bedrockOpenAIOptions({ region }))` of `@ai-sdk/openai`. The credential is chosen as
 * `createBedrockAuth` chooses it (`apiKey`, `tokenProvider`, static keys, `profile` or a credentials
 * provider; else `AWS_BEARER_TOKEN_BEDROCK` unless `apiKey: null`; else the default AWS chain). The
 * returned `fetch` signs every attempt and retries as openai-node would, so the client's own retries
 * are off. Throws CONFLICTING_OPTIONS when two names of one setting disagree or two ways to
 * authenticate are given.
 * @public
 */
export function bedrockOpenAIOptions(options: BedrockOpenAIOptions = {}): BedrockOpenAIClientOptions {
  const credentials = staticKeys(options);
  const names = resolveAliases(options, credentials);
  const fetchOptions: BedrockFetchOptions = {
    endpoint: options.endpoint,
    region: names.region,
    baseUrl: baseUrlOf(options, names.baseUrl),
    apiKey: options.apiKey,
    tokenProvider: names.tokenProvider,
    credentials: names.credentials,
    profile: names.profile,
    credentialsProvider: names.credentialsProvider,
    env: options.env,
    now: options.now,
    fetch: options.fetch,
    maxRetries: options.maxRetries,
    onRetry: options.onRetry,
  };
  const fetch = createBedrockFetch(fetchOptions);
  return { baseURL: fetch.auth.baseUrl, apiKey: PLACEHOLDER_API_KEY, fetch, maxRetries: 0 };
}
