import { AwsAuthError, bedrockEndpoint, resolveRegionWithSource } from '@x/aws-auth/endpoints';
import type { ModelProviderInfo } from '../config/modelProviderInfo.js';

/** Codex's Bedrock default when no region is configured anywhere. */
export const DEFAULT_BEDROCK_REGION = 'us-east-1';

/**
 * The endpoint region: `aws.region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's region; when
 * none is set, the region of a stored Bedrock API key (a short-term key only works in its own
 * region), else Codex's default.
 */
export function bedrockRegion(
  info: ModelProviderInfo,
  env: Record<string, string | undefined>,
  storedKeyRegion?: string | undefined,
): { region: string; source: string } {
  try {
    return resolveRegionWithSource({ region: info.aws?.region, profile: info.aws?.profile, env });
  } catch (error) {
    if (!(error instanceof AwsAuthError) || error.code !== 'REGION_MISSING') throw error;
    if (storedKeyRegion !== undefined && !info.aws?.profile) {
      return { region: storedKeyRegion, source: 'the stored Bedrock API key' };
    }
    return { region: DEFAULT_BEDROCK_REGION, source: 'default' };
  }
}

/** The base URL `list()` shows for a Bedrock provider, given the stored key's region when known. */
export function previewBedrockBaseUrl(
  info: ModelProviderInfo,
  kind: 'mantle' | 'runtime',
  env: Record<string, string | undefined>,
  storedKeyRegion?: string | undefined,
): string {
  if (info.base_url !== undefined) return info.base_url;
  try {
    return bedrockEndpoint({ region: bedrockRegion(info, env, storedKeyRegion).region, endpoint: kind })
      .baseUrl;
  } catch {
    return '(invalid AWS region)';
  }
}
