import type { AwsCredentials, AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import type { CredentialSource } from '../credentials/credentialSource.js';
import { fromDefaultChain } from '../credentials/fromDefaultChain.js';
import { fromProfile } from '../credentials/fromProfile.js';
import { fromProvider } from '../credentials/fromProvider.js';
import { fromStatic } from '../credentials/fromStatic.js';
import { headerSafe } from '../credentials/headerSafe.js';
import { memoize } from '../credentials/memoize.js';
import type { Env } from '../env.js';
import { envValue } from '../env.js';
import { AwsAuthError } from '../errors.js';
import { scrubbedCause } from '../scrubbedCause.js';

/**
 * A caller's bearer token function; `forceRefresh` is set after the server rejected the last token.
 * @public
 */
export type BedrockTokenProvider = (options?: {
  forceRefresh?: boolean | undefined;
}) => string | Promise<string>;

export interface SourceOptions {
  apiKey?: string | null | undefined;
  tokenProvider?: BedrockTokenProvider | undefined;
  credentials?: AwsCredentials | undefined;
  profile?: string | undefined;
  credentialsProvider?: AwsCredentialsProvider | undefined;
}

export type BedrockSource =
  | {
      kind: 'bearer';
      source: string;
      refreshable: boolean;
      token: (forceRefresh: boolean) => Promise<string>;
    }
  | { kind: 'sigv4'; source: string; refreshable: boolean; credentials: CredentialSource };

const BEARER_ENV = 'AWS_BEARER_TOKEN_BEDROCK';

function staticToken(value: string, origin: string): BedrockSource {
  const token = value.trim();
  if (!token) throw new AwsAuthError('EMPTY_TOKEN', `${origin} is empty`);
  headerSafe(token, origin);
  return { kind: 'bearer', source: origin, refreshable: false, token: () => Promise.resolve(token) };
}

function providedToken(provider: BedrockTokenProvider): BedrockSource {
  const origin = 'tokenProvider option';
  return {
    kind: 'bearer',
    source: origin,
    refreshable: true,
    token: async (forceRefresh) => {
      let value: unknown;
      try {
        value = await provider(forceRefresh ? { forceRefresh: true } : undefined);
      } catch (cause) {
        throw new AwsAuthError('TOKEN_PROVIDER_FAILED', `${origin} failed to provide a token`, {
          cause: scrubbedCause(cause),
        });
      }
      const token = typeof value === 'string' ? value.trim() : '';
      if (!token) throw new AwsAuthError('EMPTY_TOKEN', `${origin} returned an empty token`);
      return headerSafe(token, `the token from the ${origin}`);
    },
  };
}

function sigv4(source: CredentialSource, refreshable: boolean): BedrockSource {
  return { kind: 'sigv4', source: source.source, refreshable, credentials: memoize(source) };
}

/**
 * Precedence (as openai-node): exactly one explicit mode (apiKey, tokenProvider, credentials,
 * profile, credentialsProvider), else `AWS_BEARER_TOKEN_BEDROCK` (unless `apiKey: null`), else the
 * default AWS credential chain.
 */
export function selectBedrockSource(options: SourceOptions, env: Env): BedrockSource {
  const given = (
    ['apiKey', 'tokenProvider', 'credentials', 'profile', 'credentialsProvider'] as const
  ).filter((name) => options[name] !== undefined && options[name] !== null);
  if (given.length > 1) {
    throw new AwsAuthError(
      'CONFLICTING_OPTIONS',
      `choose one way to authenticate, not ${given.join(' and ')}`,
    );
  }
  if (typeof options.apiKey === 'string') return staticToken(options.apiKey, 'apiKey option');
  if (options.apiKey !== undefined && options.apiKey !== null) {
    throw new AwsAuthError('INVALID_OPTION', 'apiKey must be a string or null');
  }
  if (options.tokenProvider) return providedToken(options.tokenProvider);
  if (options.credentials) return sigv4(fromStatic(options.credentials), false);
  if (options.profile !== undefined) return sigv4(fromProfile({ profile: options.profile, env }), true);
  if (options.credentialsProvider) return sigv4(fromProvider(options.credentialsProvider), true);
  const ambient = options.apiKey === null ? undefined : envValue(env, BEARER_ENV);
  if (ambient) return staticToken(ambient, BEARER_ENV);
  return sigv4(fromDefaultChain({ env }), true);
}
