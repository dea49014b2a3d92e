import type { AuthorizeOptions, HttpRequest } from '@x/auth-seam';
import { untilAborted } from '@x/auth-seam';
import { resolveEnv } from '../env.js';
import { AwsAuthError } from '../errors.js';
import { headerName } from '../headerNames.js';
import { signRequest } from '../sigv4/signRequest.js';
import type { BedrockAuth, BedrockAuthDescription, BedrockAuthOptions } from './bedrockAuthTypes.js';
import type { BedrockEndpointKind } from './bedrockEndpoint.js';
import { createRecovery } from './bedrockRecovery.js';
import { type BedrockSource, selectBedrockSource } from './bedrockSource.js';
import { checkOrigin, resolveBedrockTarget } from './bedrockTarget.js';

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
