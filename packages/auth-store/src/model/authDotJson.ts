import { z } from 'zod';
import { AuthStoreError } from '../errors.js';
import type { AuthMode } from './authMode.js';
import { AuthModeSchema } from './authMode.js';

// Field names follow Codex's `AuthDotJson` (codex-rs `login` crate) exactly. Objects are loose so
// fields a newer Codex writes survive a load/save round trip.
/**
 * auth.json's `tokens`: the ChatGPT OAuth tokens.
 * @public
 */
export const TokenDataSchema = z.looseObject({
  id_token: z.string(),
  access_token: z.string(),
  refresh_token: z.string(),
  account_id: z.string().nullable().optional(),
});

/**
 * A registered Agent Identity in record form. `agent_private_key` is the standard base64 of an
 * Ed25519 private key in PKCS#8 DER. `task_id` is kept when a file carries it; the task this
 * process registers is never written.
 * @public
 */
export const AgentIdentityRecordSchema = z
  .looseObject({
    agent_runtime_id: z.string(),
    agent_private_key: z.string(),
    account_id: z.string().nullable().optional(),
    chatgpt_user_id: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    plan_type: z.string().nullable().optional(),
    chatgpt_account_is_fedramp: z.boolean().nullable().optional(),
    task_id: z.string().nullable().optional(),
  })
  .meta({ id: 'AgentIdentityRecord' });

/**
 * auth.json's `agent_identity`: a JWT whose payload carries the record's claims (how current Codex
 * stores it), or the record itself. Whichever form was read is the form written back.
 * @public
 */
export const AgentIdentitySchema = z
  .union([
    z.string().describe('A JWT whose payload carries the Agent Identity claims.'),
    AgentIdentityRecordSchema,
  ])
  .meta({ id: 'AgentIdentity' });

const BedrockApiKeySchema = z.looseObject({ api_key: z.string(), region: z.string() });

/**
 * The auth.json document (also the keyring value), as Codex writes it.
 * @public
 */
export const AuthDotJsonSchema = z
  .looseObject({
    auth_mode: AuthModeSchema.nullable().optional(),
    OPENAI_API_KEY: z.string().nullable().optional(),
    tokens: TokenDataSchema.nullable().optional(),
    last_refresh: z.string().nullable().optional(),
    agent_identity: AgentIdentitySchema.nullable().optional(),
    personal_access_token: z.string().nullable().optional(),
    bedrock_api_key: BedrockApiKeySchema.nullable().optional(),
  })
  .meta({ id: 'AuthDotJson' });

/**
 * Parsed contents of auth.json. Secrets live in it: never log or print it.
 * @public
 */
export type AuthDotJson = z.infer<typeof AuthDotJsonSchema>;
/**
 * `tokens` of a ChatGPT login.
 * @public
 */
export type TokenData = z.infer<typeof TokenDataSchema>;
/**
 * A registered Agent Identity record.
 * @public
 */
export type AgentIdentityRecord = z.infer<typeof AgentIdentityRecordSchema>;
/**
 * auth.json's `agent_identity`: a JWT string or an {@link AgentIdentityRecord}.
 * @public
 */
export type AgentIdentity = z.infer<typeof AgentIdentitySchema>;

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
    // Only field paths: zod messages may quote the offending (secret) value.
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
