import type {
  AuthResponse,
  AwsCredentials,
  AwsCredentialsProvider,
  HttpRequest,
} from '../credentials/awsCredentials.js';
import type { Env } from '../env.js';
import { resolveEnv } from '../env.js';
import { AwsAuthError } from '../errors.js';
import { parseRequestUrl } from '../sigv4/requestUrl.js';
import { signRequest } from '../sigv4/signRequest.js';
import { abortable } from './abortable.js';
import type { BedrockEndpointKind } from './bedrockEndpoint.js';
import { createRecovery } from './bedrockRecovery.js';
import { type BedrockSource, type BedrockTokenProvider, selectBedrockSource } from './bedrockSource.js';
import { resolveBedrockTarget } from './bedrockTarget.js';

export type { BedrockTokenProvider };

export interface BedrockAuthOptions {
  /** `mantle` (default) or `runtime`. Required with a baseUrl on a non-Bedrock host. */
  endpoint?: BedrockEndpointKind | undefined;
  /** Region; else AWS_REGION, AWS_DEFAULT_REGION, the profile's region. */
  region?: string | undefined;
  /** Override the base URL (a proxy, a VPC endpoint). */
  baseUrl?: string | undefined;
  /** A Bedrock API key; `null` ignores `AWS_BEARER_TOKEN_BEDROCK` and uses AWS credentials. */
  apiKey?: string | null | undefined;
  tokenProvider?: BedrockTokenProvider | undefined;
  /** Static AWS keys, used as given (no ambient session token is added). */
  credentials?: AwsCredentials | undefined;
  /** A profile of the shared AWS files. */
  profile?: string | undefined;
  credentialsProvider?: AwsCredentialsProvider | undefined;
  /** Environment to read variables from (default process.env). */
  env?: Env | undefined;
  /** Used by createBedrockFetch; ignored here. */
  fetch?: typeof fetch | undefined;
  /** Clock in ms, for tests (default Date.now). */
  now?: (() => number) | undefined;
}

export interface BedrockAuthDescription {
  auth: 'bearer' | 'sigv4';
  source: string;
  endpoint: BedrockEndpointKind;
  baseUrl: string;
  region: string;
  regionSource: string;
  signingService: string;
  clockSkewMs: number;
}

/** Per-call options of {@link BedrockAuth.authorize}. */
export interface AuthorizeOptions {
  /**
   * Aborting it while credentials or a token load rejects this call with the signal's reason; the
   * lookup itself goes on for other callers that share it.
   */
  signal?: AbortSignal | undefined;
}

export interface BedrockAuth {
  readonly baseUrl: string;
  readonly region: string;
  readonly signingService: string;
  /** A new request with auth applied; call before every attempt. */
  authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest>;
  /**
   * After a failed attempt: true if a recovery step was taken (or already taken since `request`, the
   * failed request, was authorized) and one retry makes sense.
   */
  recover(response: AuthResponse, request?: HttpRequest): Promise<boolean>;
  describe(): BedrockAuthDescription;
}

function headersFor(request: HttpRequest, kind: BedrockEndpointKind): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    // As Codex does for Mantle: names with `_` are often dropped by proxies, breaking the signature.
    if (kind === 'mantle' && name.includes('_')) continue;
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

/**
 * Bedrock authentication for one endpoint: bearer API key or SigV4, per the precedence of
 * {@link BedrockAuthOptions}. Satisfies the `authorize` / `recover` / `describe` seam.
 */
export function createBedrockAuth(options: BedrockAuthOptions = {}): BedrockAuth {
  const env = resolveEnv(options.env);
  const now = options.now ?? Date.now;
  const source: BedrockSource = selectBedrockSource(options, env);
  const target = resolveBedrockTarget(options, env);
  const recovery = createRecovery(source, now);

  async function authorize(request: HttpRequest, options?: AuthorizeOptions): Promise<HttpRequest> {
    const signal = options?.signal;
    const url = parseRequestUrl(request.url);
    if (url.origin !== target.origin) {
      throw new AwsAuthError(
        'ORIGIN_MISMATCH',
        `refusing to send credentials to ${url.origin}: the configured origin is ${target.origin}`,
      );
    }
    const headers = headersFor(request, target.kind);
    if (source.kind === 'sigv4') {
      return abortable(
        () =>
          signRequest(
            { ...request, headers },
            {
              region: target.region,
              service: target.signingService,
              credentials: source.credentials,
              signingDate: new Date(now() + recovery.skewMs()),
            },
          ),
        signal,
      );
    }
    if ('authorization' in headers) {
      throw new AwsAuthError(
        'AUTHORIZATION_HEADER_PRESENT',
        'the request already has an Authorization header',
      );
    }
    const token = await abortable(() => source.token(recovery.takeForceToken()), signal);
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
