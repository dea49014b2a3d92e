import { inspect } from 'node:util';
import type { AgentIdentityRecord } from './authDotJson.js';
import type { PlanType } from './authMode.js';

/**
 * OpenAI API key login (`apikey`).
 * @public
 */
export interface ApiKeyAuth {
  /** Always `apikey`: switching on `mode` narrows an {@link Auth} to this kind. */
  readonly mode: 'apikey';
  /**
   * The OpenAI API key (auth.json's `OPENAI_API_KEY`, or `CODEX_API_KEY` when opted in), sent as
   * `Authorization: Bearer`; redacted when printed.
   */
  readonly apiKey: string;
}

/**
 * ChatGPT login, stored (`chatgpt`) or host-supplied and memory-only (`chatgptAuthTokens`).
 * @public
 */
export interface ChatgptAuth {
  /** `chatgpt` for tokens kept in the store, `chatgptAuthTokens` for tokens a host set in memory. */
  readonly mode: 'chatgpt' | 'chatgptAuthTokens';
  /** The OAuth access token, sent as `Authorization: Bearer`; redacted when printed. */
  readonly accessToken: string;
  /**
   * The ChatGPT workspace, sent as `chatgpt-account-id`; from the tokens or the id token, null when neither
   * says.
   */
  readonly accountId: string | null;
  /** The account's email from the id token; null when it has none and always for host-set tokens. */
  readonly email: string | null;
  /**
   * The subscription plan from the id token (`unknown` for a plan this version does not know); null when
   * absent.
   */
  readonly planType: PlanType | null;
}

/**
 * The task an Agent Identity registers once per process before its first request; runtime state,
 * never serialized.
 * @public
 */
export interface AgentTask {
  /** The id the server gave the task; every `AgentAssertion` signs it. */
  readonly taskId: string;
  /** When this process registered the task, as an ISO 8601 timestamp. */
  readonly createdAt: string;
}

/**
 * Agent Identity login: its claims as a record (decoded when it was stored or given as a JWT). Its
 * task is registered when the first request needs it (`manager.agentTask()`).
 * @public
 */
export interface AgentIdentityAuth {
  /** Always `agentIdentity`: switching on `mode` narrows an {@link Auth} to this kind. */
  readonly mode: 'agentIdentity';
  /** The identity's claims, its private key among them; redacted when printed. */
  readonly record: AgentIdentityRecord;
  /** The ChatGPT workspace (claim `account_id`), sent as `chatgpt-account-id`; null when absent. */
  readonly accountId: string | null;
  /** The account's email (claim `email`); null when absent or empty. */
  readonly email: string | null;
  /** The plan (claim `plan_type`; `unknown` for one this version does not know); null when absent. */
  readonly planType: PlanType | null;
  /** Whether requests carry `X-OpenAI-Fedramp: true` (claim `chatgpt_account_is_fedramp`). */
  readonly fedramp: boolean;
}

/**
 * Personal access token login.
 * @public
 */
export interface PersonalAccessTokenAuth {
  /** Always `personalAccessToken`: switching on `mode` narrows an {@link Auth} to this kind. */
  readonly mode: 'personalAccessToken';
  /** The personal access token, sent as `Authorization: Bearer`; redacted when printed. */
  readonly token: string;
}

/**
 * Amazon Bedrock API key (bearer token) with its AWS region; only for the amazon-bedrock provider.
 * @public
 */
export interface BedrockApiKeyAuth {
  /** Always `bedrockApiKey`: switching on `mode` narrows an {@link Auth} to this kind. */
  readonly mode: 'bedrockApiKey';
  /** The Bedrock API key, a bearer token for Bedrock only; redacted when printed. */
  readonly apiKey: string;
  /** The AWS region the key is for (`us-east-1`); a Bedrock provider with no region configured uses it. */
  readonly region: string;
}

/**
 * What `manager.auth()` resolves to; objects print and serialize with their secrets redacted.
 * @public
 */
export type Auth = ApiKeyAuth | ChatgptAuth | AgentIdentityAuth | PersonalAccessTokenAuth | BedrockApiKeyAuth;

const SECRET_FIELDS = new Set(['apiKey', 'accessToken', 'token', 'record']);

function redacted(value: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = SECRET_FIELDS.has(key) ? '[redacted]' : field;
  return out;
}

/** Freezes an auth value and gives it a redacting `toJSON` and `util.inspect` view. */
export function sealAuth<T extends Auth>(value: T): T {
  Object.defineProperty(value, 'toJSON', { value: () => redacted(value), enumerable: false });
  Object.defineProperty(value, inspect.custom, {
    value: (_depth: number, options: object) => `Auth ${inspect(redacted(value), options)}`,
    enumerable: false,
  });
  return Object.freeze(value);
}
