import type { ProviderConfigErrorCode } from '../errors.js';
import { PROFILE_KEYS, SELECTION_KEYS, type Selection } from './selectionSchema.js';

type Fail = (code: ProviderConfigErrorCode, path: readonly string[], message: string) => never;

/** The selection keys after the active profile is applied, and where each value was set. */
export interface ResolvedSelection {
  /** The active profile's name, if any. */
  profile: string | undefined;
  values: Selection;
  /** The TOML path of a key's value: `profiles.<name>.<key>` when the profile set it. */
  pathOf(key: keyof Selection): string[];
}

/**
 * Applies the active profile, as Codex does: `requested` (the caller's choice) wins over the file's
 * `profile` key; the profile's `model_provider` and `model` override the top level. A name with no
 * `[profiles.<name>]` table is an error that lists the defined profiles.
 */
export function resolveProfile(
  top: Selection & {
    profile?: string | undefined;
    profiles?: Record<string, Pick<Selection, (typeof PROFILE_KEYS)[number]>> | undefined;
  },
  requested: string | undefined,
  fail: Fail,
): ResolvedSelection {
  const values: Selection = {};
  for (const key of SELECTION_KEYS) {
    if (top[key] !== undefined) Object.assign(values, { [key]: top[key] });
  }
  const name = requested ?? top.profile;
  if (name === undefined) return { profile: undefined, values, pathOf: (key) => [key] };

  const profiles = top.profiles ?? {};
  const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  if (profile === undefined) {
    const defined = Object.keys(profiles);
    fail(
      'UNKNOWN_PROFILE',
      requested === undefined ? ['profile'] : [],
      `profile \`${name}\` is not defined; ${
        defined.length > 0
          ? `defined profiles: ${defined.join(', ')}`
          : 'no profiles are defined (add a [profiles.<name>] table)'
      }`,
    );
  }
  const fromProfile = new Set<string>();
  for (const key of PROFILE_KEYS) {
    if (profile?.[key] === undefined) continue;
    Object.assign(values, { [key]: profile[key] });
    fromProfile.add(key);
  }
  return {
    profile: name,
    values,
    pathOf: (key) => (fromProfile.has(key) ? ['profiles', name, key] : [key]),
  };
}
