import type { Schema } from '@x/config-schema';
import { ProviderConfigError, type ProviderConfigErrorCode } from '../errors.js';
import { BUILT_IN_OVERRIDE_FIELDS, builtInOverrideSchema } from './builtInOverrideSchema.js';
import { builtInProviders } from './builtInProviders.js';
import { checkConflicts } from './checkConflicts.js';
import { providerIdSchema, topLevelSchema } from './configSchema.js';
import { locateTomlKey } from './locateTomlKey.js';
import type { ModelProviderInfo } from './modelProviderInfo.js';
import type { ProviderConfig } from './providerConfig.js';
import { providerInfoSchema } from './providerInfoSchema.js';
import { resolveProfile } from './resolveProfile.js';

/** The codes the provider schemas' refinements report (see providerInfoSchema.ts). */
const REFINEMENT_CODES: readonly ProviderConfigErrorCode[] = [
  'INVALID_HEADER',
  'INVALID_CREDENTIAL_VALUE',
  'BASE_URL_USERINFO',
];

interface Origin {
  file?: string | undefined;
  toml?: string | undefined;
  /** The profile to apply instead of the file's `profile` key. */
  profile?: string | undefined;
}

/** Validates a parsed config document; every error names the TOML path and, where found, the line. */
export function validateConfig(document: unknown, origin: Origin = {}): ProviderConfig {
  const fail = (
    code: ProviderConfigErrorCode,
    path: readonly (string | number)[],
    message: string,
  ): never => {
    const field = path.join('.');
    const line = origin.toml === undefined ? undefined : locateTomlKey(origin.toml, path.map(String));
    const where = [origin.file, line].filter((part) => part !== undefined).join(':');
    throw new ProviderConfigError(
      code,
      `${where ? `${where}: ` : ''}${field ? `${field}: ` : ''}${message}`,
      { file: origin.file, line, field: field || undefined },
    );
  };
  const check = <T>(schema: Schema<T>, value: unknown, base: readonly (string | number)[]): T => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    if (!issue) return fail('INVALID_FIELD', base, 'invalid value');
    const path = [...base, ...issue.path];
    if (issue.code === 'unknown_key') return fail('UNKNOWN_FIELD', path, `unknown field \`${path.at(-1)}\``);
    // Our own refinements name a more precise code; the schema's own codes are INVALID_FIELD.
    const own = REFINEMENT_CODES.find((code) => code === issue.code);
    // The schema's messages describe the expectation, never the value, so secrets in the config stay out.
    return fail(own ?? 'INVALID_FIELD', path, issue.message);
  };

  const top = check(topLevelSchema, document, []);
  const selection = resolveProfile(top, origin.profile, fail);
  const chosen = selection.values;
  const rawProviders = (document as { model_providers?: unknown }).model_providers;
  const config: ProviderConfig = { modelProviders: {}, builtInOverrides: {} };
  if (origin.file !== undefined) config.file = origin.file;
  if (selection.profile !== undefined) config.profile = selection.profile;
  if (chosen.model_provider !== undefined) config.modelProvider = chosen.model_provider;
  if (chosen.model !== undefined) config.model = chosen.model;
  if (chosen.cli_auth_credentials_store !== undefined)
    config.cliAuthCredentialsStore = chosen.cli_auth_credentials_store;
  if (chosen.forced_login_method !== undefined) config.forcedLoginMethod = chosen.forced_login_method;
  if (chosen.forced_chatgpt_workspace_id !== undefined)
    config.forcedChatgptWorkspaceId = chosen.forced_chatgpt_workspace_id;
  if (
    rawProviders !== undefined &&
    (typeof rawProviders !== 'object' || rawProviders === null || Array.isArray(rawProviders))
  ) {
    return fail('INVALID_FIELD', ['model_providers'], 'must be a table');
  }

  for (const [id, entry] of Object.entries(rawProviders ?? {})) {
    const base = ['model_providers', id];
    check(providerIdSchema, id, base);
    if (
      typeof entry === 'object' &&
      entry !== null &&
      (entry as { wire_api?: unknown }).wire_api === 'chat'
    ) {
      fail(
        'WIRE_API_REMOVED',
        [...base, 'wire_api'],
        '`wire_api = "chat"` is no longer supported; use `wire_api = "responses"`',
      );
    }
    if (id in builtInProviders) {
      if (!(id in { 'amazon-bedrock': 1, 'amazon-bedrock-runtime': 1 })) {
        fail(
          'BUILTIN_OVERRIDE',
          base,
          `\`${id}\` is a built-in provider and cannot be redefined; choose another id`,
        );
      }
      const allowed: readonly string[] = BUILT_IN_OVERRIDE_FIELDS;
      const extra = Object.keys(entry ?? {}).filter((key) => !allowed.includes(key));
      if (extra[0] !== undefined) {
        fail(
          'BUILTIN_OVERRIDE',
          [...base, extra[0]],
          `built-in provider \`${id}\` accepts only ${BUILT_IN_OVERRIDE_FIELDS.join(', ')}`,
        );
      }
      config.builtInOverrides[id] = check(builtInOverrideSchema, entry, base);
      continue;
    }
    const info = check(providerInfoSchema, entry, base);
    const conflict = checkConflicts(info);
    if (conflict) fail('CONFLICTING_FIELDS', [...base, conflict.field], conflict.message);
    config.modelProviders[id] = hideBearerToken(info);
  }
  if (config.modelProvider !== undefined) {
    const known = config.modelProvider in builtInProviders || config.modelProvider in config.modelProviders;
    if (!known)
      fail(
        'UNKNOWN_PROVIDER',
        selection.pathOf('model_provider'),
        `no provider with id \`${config.modelProvider}\``,
      );
  }
  return config;
}

/**
 * Keeps `experimental_bearer_token` readable but non-enumerable, so that logging the configuration
 * (`util.inspect`, even with `showHidden`, `JSON.stringify`, spreads) never prints the token.
 */
function hideBearerToken(info: ModelProviderInfo): ModelProviderInfo {
  let token = info.experimental_bearer_token;
  if (token !== undefined) {
    // An accessor, not a value: `util.inspect` with `showHidden` shows `[Getter/Setter]`, not the token.
    Object.defineProperty(info, 'experimental_bearer_token', {
      get: () => token,
      set: (value: string | undefined) => {
        token = value;
      },
      enumerable: false,
      configurable: true,
    });
  }
  return info;
}
