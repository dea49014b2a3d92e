import type { Env } from '../env.js';
import { AwsAuthError } from '../errors.js';
import { type ResolvedRegion, resolveRegionWithSource } from '../region.js';
import { parseRequestUrl } from '../sigv4/requestUrl.js';
import {
  type BedrockEndpointKind,
  bedrockEndpoint,
  parseBedrockHost,
  signingServiceFor,
} from './bedrockEndpoint.js';

export interface TargetOptions {
  endpoint?: BedrockEndpointKind | undefined;
  region?: string | undefined;
  baseUrl?: string | undefined;
  profile?: string | undefined;
}

export interface BedrockTarget {
  kind: BedrockEndpointKind;
  baseUrl: string;
  origin: string;
  region: string;
  regionSource: string;
  signingService: string;
}

function tryRegion(options: TargetOptions, env: Env): ResolvedRegion | undefined {
  try {
    return resolveRegionWithSource({ region: options.region, profile: options.profile, env });
  } catch (error) {
    if (error instanceof AwsAuthError && error.code === 'REGION_MISSING') return undefined;
    throw error;
  }
}

/** Works out base URL, endpoint kind, region and signing service; never guesses the service. */
export function resolveBedrockTarget(options: TargetOptions, env: Env): BedrockTarget {
  if (options.endpoint !== undefined && options.endpoint !== 'mantle' && options.endpoint !== 'runtime') {
    throw new AwsAuthError('INVALID_OPTION', 'endpoint must be "mantle" or "runtime"');
  }
  if (options.baseUrl === undefined) {
    const resolved = resolveRegionWithSource({ region: options.region, profile: options.profile, env });
    const kind = options.endpoint ?? 'mantle';
    const { baseUrl, signingService } = bedrockEndpoint({ region: resolved.region, endpoint: kind });
    const origin = new URL(baseUrl).origin;
    return { kind, baseUrl, origin, region: resolved.region, regionSource: resolved.source, signingService };
  }
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    // No cause: Node's TypeError carries the whole input, which may hold credentials.
    throw new AwsAuthError('INVALID_BASE_URL', 'baseUrl is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AwsAuthError('INVALID_BASE_URL', 'baseUrl must be an http or https URL');
  }
  if (url.username !== '' || url.password !== '') {
    // fetch refuses such URLs, and describe() and errors would show the password.
    throw new AwsAuthError('INVALID_BASE_URL', 'baseUrl must not contain a user name or password');
  }
  const known = parseBedrockHost(url.hostname);
  if (known && options.endpoint && options.endpoint !== known.kind) {
    throw new AwsAuthError(
      'CONFLICTING_OPTIONS',
      `endpoint "${options.endpoint}" does not match the baseUrl host`,
    );
  }
  const kind = options.endpoint ?? known?.kind;
  if (!kind) {
    throw new AwsAuthError(
      'ENDPOINT_KIND_REQUIRED',
      'baseUrl is not a Bedrock Mantle or Runtime host: set endpoint to "mantle" or "runtime" so the signing service is known',
    );
  }
  const resolved =
    tryRegion(options, env) ?? (known ? { region: known.region, source: 'baseUrl host' } : undefined);
  if (!resolved) resolveRegionWithSource({ region: options.region, profile: options.profile, env });
  const { region, source } = resolved as ResolvedRegion;
  if (known && known.region !== region) {
    throw new AwsAuthError(
      'REGION_MISMATCH',
      `region "${region}" (from ${source}) does not match the baseUrl host`,
    );
  }
  if (known) bedrockEndpoint({ region, endpoint: kind }); // validates the region and Mantle's list
  const baseUrl = url.href.replace(/\/+$/, '');
  return {
    kind,
    baseUrl,
    origin: url.origin,
    region,
    regionSource: source,
    signingService: signingServiceFor(kind),
  };
}

/** The one origin check: throws ORIGIN_MISMATCH unless `url` is on the target's origin. */
export function checkOrigin(target: BedrockTarget, url: string): void {
  const { origin } = parseRequestUrl(url);
  if (origin !== target.origin) {
    throw new AwsAuthError(
      'ORIGIN_MISMATCH',
      `refusing to send credentials to ${origin}: the configured origin is ${target.origin}`,
    );
  }
}
