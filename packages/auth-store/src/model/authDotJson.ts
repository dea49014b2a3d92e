import { boolean, type Infer, looseObject, nullish, string, union } from '@x/config-schema';
import { AuthStoreError } from '../errors.js';
import type { AuthMode } from './authMode.js';
import { AuthModeSchema } from './authMode.js';

// Field names follow Codex's `AuthDotJson` (codex-rs `login` crate) exactly. Objects are loose so
// fields a newer Codex writes survive a load/save round trip.
/**
 * auth.json's `tokens`: the ChatGPT OAuth tokens.
 * @public
 */
export const TokenDataSchema = looseObject({
  id_token: string(),
  access_token: string(),
  refresh_token: string(),
  account_id: nullish(string()),
});

/**
 * A registered Agent Identity in record form. `agent_private_key` is the standard base64 of an
 * Ed25519 private key in PKCS#8 DER. `task_id` is kept when a file carries it; the task this
 * process registers is never written.
 * @public
 */
export const AgentIdentityRecordSchema = looseObject(
  {
    agent_runtime_id: string(),
    agent_private_key: string(),
    account_id: nullish(string()),
    chatgpt_user_id: nullish(string()),
    email: nullish(string()),
    plan_type: nullish(string()),
    chatgpt_account_is_fedramp: nullish(boolean()),
    task_id: nullish(string()),
  },
  { id: 'AgentIdentityRecord' },
);

/**
 * auth.json's `agent_identity`: a JWT whose payload carries the record's claims (how current Codex
 * stores it), or the record itself. Whichever form was read is the form written back.
 * @public
 */
export const AgentIdentitySchema = union(
  [
    string({ description: 'A JWT whose payload carries the Agent Identity claims.' }),
    AgentIdentityRecordSchema,
  ],
  { id: 'AgentIdentity' },
);

const BedrockApiKeySchema = looseObject({ api_key: string(), region: string() });

/**
 * The auth.json document (also the keyring value), as Codex writes it.
 * @public
 */
export const AuthDotJsonSchema = looseObject(
  {
    auth_mode: nullish(AuthModeSchema),
    OPENAI_API_KEY: nullish(string()),
    tokens: nullish(TokenDataSchema),
    last_refresh: nullish(string()),
    agent_identity: nullish(AgentIdentitySchema),
    personal_access_token: nullish(string()),
    bedrock_api_key: nullish(BedrockApiKeySchema),
  },
  { id: 'AuthDotJson' },
);

/**
 * Parsed contents of auth.json. Secrets live in it: never log or print it.
 * @public
 */
export type AuthDotJson = Infer<typeof AuthDotJsonSchema>;
/**
 * `tokens` of a ChatGPT login.
 * @public
 */
export type TokenData = Infer<typeof TokenDataSchema>;
/**
 * A registered Agent Identity record.
 * @public
 */
export type AgentIdentityRecord = Infer<typeof AgentIdentityRecordSchema>;
/**
 * auth.json's `agent_identity`: a JWT string or an {@link AgentIdentityRecord}.
 * @public
 */
export type AgentIdentity = Infer<typeof AgentIdentitySchema>;

/**
 * The effective mode: `auth_mode` when present, else inferred like Codex does:
 * personal_access_token, then bedrock_api_key, then OPENAI_API_KEY, else chatgpt.
 * @public
 */
export function resolveAuthMode(auth: AuthDotJson): AuthMode {
  if (auth.auth_mode) return auth.auth_mode;
  if (auth.personal_access_token) return 'personalAccessToken';
  if (auth.bedrock_api_key) return 'bedrockApiKey';
  if (auth.OPENAI_API_KEY) return 'apikey';
  return 'chatgpt';
}

/**
 * Parses auth.json text; `source` (a path or keyring label) names it in errors, never its content.
 * @public
 */
export function parseAuthDotJson(
  text: string,
  source: string,
  code: 'AUTH_FILE_CORRUPT' | 'KEYRING_CORRUPT' = 'AUTH_FILE_CORRUPT',
): AuthDotJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AuthStoreError(code, `${source} is not valid JSON; fix or remove it, then log in again`);
  }
  const parsed = AuthDotJsonSchema.safeParse(raw);
  if (!parsed.success) {
    // Only field paths, never a value (it may be a secret).
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
    throw new AuthStoreError(code, `${source} has invalid fields: ${fields.join(', ')}`);
  }
  return parsed.data;
}

/**
 * Compact JSON, as Codex stores it in the keyring; pretty-printed for the file.
 * @public
 */
export function serializeAuthDotJson(auth: AuthDotJson, pretty: boolean): string {
  return pretty ? `${JSON.stringify(auth, null, 2)}\n` : JSON.stringify(auth);
}
