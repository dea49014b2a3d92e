import type { AuthorizeOptions, AuthSource, FailedResponse, HttpRequest } from '@x/auth-seam';
import type { AwsCredentials, AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import type { Env } from '../env.js';
import type { BedrockEndpointKind } from './bedrockEndpoint.js';
import type { BedrockTokenProvider } from './bedrockSource.js';

/**
 * How `createBedrockAuth` finds its endpoint, region and credential. At most one of `apiKey`,
 * `tokenProvider`, `credentials`, `profile` and `credentialsProvider` may be given.
 * @public
 */
export interface BedrockAuthOptions {
  /** `mantle` (default) or `runtime`. Required with a baseUrl on a non-Bedrock host. */
  endpoint?: BedrockEndpointKind | undefined;
  /** Region; else AWS_REGION, AWS_DEFAULT_REGION, the profile's region. */
  region?: string | undefined;
  /** Override the base URL (a proxy, a VPC endpoint). */
  baseUrl?: string | undefined;
  /** A Bedrock API key; `null` ignores `AWS_BEARER_TOKEN_BEDROCK` and uses AWS credentials. */
  apiKey?: string | null | undefined;
  /**
   * Returns a bearer token; asked on every attempt (cache inside it), with `forceRefresh` after a rejection.
   */
  tokenProvider?: BedrockTokenProvider | undefined;
  /** Static AWS keys, used as given (no ambient session token is added). */
  credentials?: AwsCredentials | undefined;
  /** A profile of the shared AWS files. */
  profile?: string | undefined;
  /** Resolves AWS credentials (an AWS SDK provider fits); memoized, asked again after a refused signature. */
  credentialsProvider?: AwsCredentialsProvider | undefined;
  /** Environment to read variables from (default process.env). */
  env?: Env | undefined;
  /** Clock in ms, for tests (default Date.now). */
  now?: (() => number) | undefined;
}

/**
 * What {@link BedrockAuth.describe} reports: where the credential comes from, never the credential.
 * @public
 */
export interface BedrockAuthDescription {
  /**
   * `bearer` for an API key or token provider (an `Authorization: Bearer` header), `sigv4` for AWS
   * credentials.
   */
  auth: 'bearer' | 'sigv4';
  /**
   * Where the credential comes from: `apiKey option`, `AWS_BEARER_TOKEN_BEDROCK`, a profile, the default
   * chain...
   */
  source: string;
  /** The endpoint kind, as given or recognised from the `baseUrl` host. */
  endpoint: BedrockEndpointKind;
  /** The base URL every request must share an origin with. */
  baseUrl: string;
  /** The region requests are signed for and the endpoint serves. */
  region: string;
  /**
   * Where the region came from: `option`, `AWS_REGION`, `AWS_DEFAULT_REGION`, `profile "<name>"` or `baseUrl
   * host`.
   */
  regionSource: string;
  /** The SigV4 service name: `bedrock-mantle` or `bedrock`. */
  signingService: string;
  /**
   * Milliseconds added to the local clock when signing, learned from a server's clock-skew answer; 0 until
   * then.
   */
  clockSkewMs: number;
}

/**
 * Bedrock authentication for one endpoint, as an `AuthSource` of `@x/auth-seam`.
 * @public
 */
export interface BedrockAuth extends AuthSource {
  /** The resolved base URL (no trailing slash); requests to any other origin are refused. */
  readonly baseUrl: string;
  /** The resolved region, from the options, the environment, the profile or the `baseUrl` host. */
  readonly region: string;
  /**
   * The SigV4 service name: `bedrock-mantle` (Mantle) or `bedrock` (Runtime); used only with AWS credentials.
   */
  readonly signingService: string;
  /**
   * A new request with auth applied; call before every attempt. Aborting `options.signal` while
   * credentials or a token load rejects this call with the signal's reason; the lookup itself goes
   * on for other callers that share it.
   */
  authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest>;
  /**
   * After a failed attempt: true if a recovery step was taken (or already taken since `request`, the
   * failed request, was authorized) and one retry makes sense; false for anything it cannot mend.
   */
  recover(response: FailedResponse, request?: HttpRequest): Promise<boolean>;
  /** Where the credential, region and endpoint come from, with the clock correction; never a secret. */
  describe(): BedrockAuthDescription;
}
