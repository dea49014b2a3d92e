import type { AwsCredentials, AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import { AwsAuthError } from '../errors.js';
import type { BedrockOpenAIOptions } from './bedrockOpenAITypes.js';
import type { BedrockTokenProvider } from './bedrockSource.js';

/** Each setting of `createBedrockAuth` under our name, whichever name the caller gave it by. */
export interface ResolvedNames {
  region: string | undefined;
  baseUrl: string | null | undefined;
  tokenProvider: BedrockTokenProvider | undefined;
  credentials: AwsCredentials | undefined;
  profile: string | undefined;
  credentialsProvider: AwsCredentialsProvider | undefined;
}

/** The one value given under any of `named`'s names; two names that disagree are a conflict. */
function oneOf<T>(named: Record<string, T | undefined>): { value: T | undefined; name: string | undefined } {
  const given = Object.entries(named).filter(([, value]) => value !== undefined);
  const [first] = given;
  const other = given.find(([, value]) => value !== first?.[1]);
  if (first && other) {
    throw new AwsAuthError(
      'CONFLICTING_OPTIONS',
      `${first[0]} and ${other[0]} name the same setting with different values: give one`,
    );
  }
  return { value: first?.[1], name: first?.[0] };
}

/**
 * The caller's options under our names. As in `createBedrockAuth`, at most one way to authenticate
 * may be given (the error names the options as the caller wrote them); `credentials` are the static
 * keys already read from `accessKeyId`/`secretAccessKey`/`sessionToken`, if any.
 */
export function resolveAliases(
  options: BedrockOpenAIOptions,
  credentials: AwsCredentials | undefined,
): ResolvedNames {
  const region = oneOf({ region: options.region, awsRegion: options.awsRegion });
  const baseUrl = oneOf({ baseURL: options.baseURL, baseUrl: options.baseUrl });
  const token = oneOf({
    tokenProvider: options.tokenProvider,
    bedrockTokenProvider: options.bedrockTokenProvider,
  });
  const keys = oneOf({ credentials: options.credentials, accessKeyId: credentials });
  const profile = oneOf({ profile: options.profile, awsProfile: options.awsProfile });
  const provider = oneOf({
    credentialsProvider: options.credentialsProvider,
    credentialProvider: options.credentialProvider,
    awsCredentialProvider: options.awsCredentialProvider,
  });
  const apiKey = options.apiKey === null || options.apiKey === undefined ? undefined : 'apiKey';
  const ways = [apiKey, token.name, keys.name, profile.name, provider.name].filter(
    (name) => name !== undefined,
  );
  if (ways.length > 1) {
    throw new AwsAuthError(
      'CONFLICTING_OPTIONS',
      `choose one way to authenticate, not ${ways.join(' and ')}`,
    );
  }
  return {
    region: region.value,
    baseUrl: baseUrl.value,
    tokenProvider: token.value,
    credentials: keys.value,
    profile: profile.value,
    credentialsProvider: provider.value,
  };
}
