import type { AuthorizeOptions, AuthSource, FailedResponse, HttpRequest } from '@x/auth-seam';
import { untilAborted } from '@x/auth-seam';
import type { AwsCredentials, AwsCredentialsProvider } from '../credentials/awsCredentials.js';
import { type Env, resolveEnv } from '../env.js';
import { AwsAuthError } from '../errors.js';
import { headerName } from '../headerNames.js';
import { signRequest } from '../sigv4/signRequest.js';
import type { BedrockEndpointKind } from './bedrockEndpoint.js';
import { createRecovery } from './bedrockRecovery.js';
import { type BedrockSource, type BedrockTokenProvider, selectBedrockSource } from './bedrockSource.js';
import { checkOrigin, resolveBedrockTarget } from './bedrockTarget.js';

/**
 * How {@link createBedrockAuth} finds its endpoint, region and credential. At most one of `apiKey`,
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

function headersFor(request: HttpRequest, kind: BedrockEndpointKind): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    // As Codex does for Mantle: names with `_` are often dropped by proxies, breaking the signature.
    if (kind === 'mantle' && name.includes('_')) continue;
    headers[headerName(name)] = value;
  }
  return headers;
}

/**
 * Bedrock authentication for one endpoint: bearer API key or SigV4, per the precedence of
 * {@link BedrockAuthOptions}. Satisfies the `authorize` / `recover` / `describe` seam.
 * @public
 */
export function createBedrockAuth(options: BedrockAuthOptions = {}): BedrockAuth {
  const env = resolveEnv(options.env);
  const now = options.now ?? Date.now;
  const source: BedrockSource = selectBedrockSource(options, env);
  const target = resolveBedrockTarget(options, env);
  const recovery = createRecovery(source, now);

  async function authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest> {
    const signal = options?.signal;
    checkOrigin(target, request.url);
    const headers = headersFor(request, target.kind);
    if (source.kind === 'sigv4') {
      const signingDate = new Date(now() + recovery.skewMs());
      const { region, signingService: service } = target;
      const signing = { region, service, credentials: source.credentials, signingDate };
      return untilAborted(() => signRequest({ ...request, headers }, signing), signal);
    }
    if ('authorization' in headers) {
      throw new AwsAuthError(
        'AUTHORIZATION_HEADER_PRESENT',
        'the request already has an Authorization header',
      );
    }
    const token = await untilAborted(() => source.token(recovery.takeForceToken()), signal);
    headers.authorization = `Bearer ${token}`;
    recovery.noteBearer(headers.authorization);
    return { ...request, headers };
  }

  function describe(): BedrockAuthDescription {
    return {
      auth: source.kind,
      source: source.source,
      endpoint: target.kind,
      baseUrl: target.baseUrl,
      region: target.region,
      regionSource: target.regionSource,
      signingService: target.signingService,
      clockSkewMs: recovery.skewMs(),
    };
  }

  return {
    baseUrl: target.baseUrl,
    region: target.region,
    signingService: target.signingService,
    authorize,
    recover: (response, request) => recovery.recover(response, request),
    describe,
  };
}
