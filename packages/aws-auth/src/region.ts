import { profileName, readProfile, sharedConfigPaths } from './credentials/sharedConfig.js';
import type { Env } from './env.js';
import { envValue, resolveEnv } from './env.js';
import { AwsAuthError } from './errors.js';

// The shape openai-node validates regions with (e.g. us-east-1, ap-southeast-3, us-gov-west-1).
/** An AWS region name (the pattern openai-node validates with). */
export const REGION_PATTERN = /^[a-z]{2,8}(?:-[a-z0-9]+)+-\d+$/;

/**
 * Where {@link resolveRegion} looks for a region, in order: `region`, the environment, the profile.
 * @public
 */
export interface ResolveRegionOptions {
  /** An explicit region: wins over everything else. */
  region?: string | undefined;
  /** The profile whose `region` setting is the last resort (default `AWS_PROFILE`, else `default`). */
  profile?: string | undefined;
  /** Variables to read (`AWS_REGION`, `AWS_DEFAULT_REGION`, `AWS_PROFILE`...); default `process.env`. */
  env?: Env | undefined;
}

/**
 * A region and where it was found.
 * @public
 */
export interface ResolvedRegion {
  /** The region name, checked against the AWS pattern (`us-east-1`). */
  region: string;
  /** `option`, `AWS_REGION`, `AWS_DEFAULT_REGION` or `profile "<name>"`. */
  source: string;
}

/**
 * Throws REGION_INVALID (naming where the value came from) unless `region` looks like an AWS region.
 * @public
 */
export function validateRegion(region: string, source = 'region'): string {
  if (!REGION_PATTERN.test(region)) {
    throw new AwsAuthError('REGION_INVALID', `${source} is not a valid AWS region name (e.g. us-east-1)`);
  }
  return region;
}

/**
 * Like {@link resolveRegion} but also says where the region came from.
 * @public
 */
export function resolveRegionWithSource(options: ResolveRegionOptions = {}): ResolvedRegion {
  const env = resolveEnv(options.env);
  const explicit = options.region?.trim();
  if (explicit) return { region: validateRegion(explicit, 'the region option'), source: 'option' };
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
    const value = envValue(env, name);
    if (value) return { region: validateRegion(value, name), source: name };
  }
  const profile = profileName(env, options.profile);
  const fromProfile = readProfile(env, profile)?.region?.trim();
  const label = `profile "${profile}"`;
  if (fromProfile) return { region: validateRegion(fromProfile, `region in ${label}`), source: label };
  const { configFile } = sharedConfigPaths(env);
  throw new AwsAuthError(
    'REGION_MISSING',
    `no AWS region: set the region option, AWS_REGION or AWS_DEFAULT_REGION, or region in ${label} of ${configFile}`,
  );
}

/**
 * The region: explicit, then `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's `region`.
 * @public
 */
export function resolveRegion(options: ResolveRegionOptions = {}): string {
  return resolveRegionWithSource(options).region;
}
