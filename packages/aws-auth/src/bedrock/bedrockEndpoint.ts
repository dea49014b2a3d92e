import { AwsAuthError } from '../errors.js';
import { validateRegion } from '../region.js';

/**
 * Which Bedrock OpenAI-compatible endpoint: Mantle (`bedrock-mantle`) or Runtime (`bedrock`).
 * @public
 */
export type BedrockEndpointKind = 'mantle' | 'runtime';

/**
 * Regions where Bedrock Mantle is served (the allow-list Codex uses).
 * @public
 */
export const MANTLE_REGIONS: readonly string[] = Object.freeze([
  'us-east-2',
  'us-east-1',
  'us-west-2',
  'ap-southeast-3',
  'ap-south-1',
  'ap-northeast-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-south-1',
  'eu-north-1',
  'sa-east-1',
]);

/**
 * The region and endpoint kind {@link bedrockEndpoint} builds a URL for.
 * @public
 */
export interface BedrockEndpointOptions {
  /** The AWS region (`us-east-1`); Mantle accepts only the {@link MANTLE_REGIONS}. */
  region: string;
  /** Default `mantle`. */
  endpoint?: BedrockEndpointKind | undefined;
}

/**
 * The OpenAI-compatible base URL of a Bedrock endpoint and the service its requests are signed for.
 * @public
 */
export interface BedrockEndpoint {
  /** The OpenAI-compatible base URL, ending in `/openai/v1`; a client's `baseURL`. */
  baseUrl: string;
  /** The service name SigV4 signs for: `bedrock-mantle` (Mantle) or `bedrock` (Runtime). */
  signingService: string;
}

/** The SigV4 signing service of an endpoint kind. */
export function signingServiceFor(kind: BedrockEndpointKind): string {
  return kind === 'mantle' ? 'bedrock-mantle' : 'bedrock';
}

/** Throws REGION_UNSUPPORTED naming the region unless Mantle is served there. */
export function checkMantleRegion(region: string): void {
  if (!MANTLE_REGIONS.includes(region)) {
    throw new AwsAuthError(
      'REGION_UNSUPPORTED',
      `Bedrock Mantle is not available in region "${region}"; use one of ${MANTLE_REGIONS.join(', ')}`,
    );
  }
}

/**
 * The OpenAI-compatible base URL and signing service: Mantle
 * `https://bedrock-mantle.<region>.api.aws/openai/v1` (`bedrock-mantle`) or Runtime
 * `https://bedrock-runtime.<region>.amazonaws.com/openai/v1` (`bedrock`).
 * @public
 */
export function bedrockEndpoint(options: BedrockEndpointOptions): BedrockEndpoint {
  const kind = options.endpoint ?? 'mantle';
  if (kind !== 'mantle' && kind !== 'runtime') {
    throw new AwsAuthError('INVALID_OPTION', 'endpoint must be "mantle" or "runtime"');
  }
  const region = validateRegion(options.region);
  if (kind === 'mantle') {
    checkMantleRegion(region);
    return {
      baseUrl: `https://bedrock-mantle.${region}.api.aws/openai/v1`,
      signingService: 'bedrock-mantle',
    };
  }
  return { baseUrl: `https://bedrock-runtime.${region}.amazonaws.com/openai/v1`, signingService: 'bedrock' };
}

/** Recognises the canonical Bedrock hosts: their endpoint kind and region, or undefined. */
export function parseBedrockHost(host: string): { kind: BedrockEndpointKind; region: string } | undefined {
  const mantle = /^bedrock-mantle\.([a-z0-9-]+)\.api\.aws$/.exec(host);
  if (mantle?.[1]) return { kind: 'mantle', region: mantle[1] };
  const runtime = /^bedrock-runtime\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
  if (runtime?.[1]) return { kind: 'runtime', region: runtime[1] };
  return undefined;
}
