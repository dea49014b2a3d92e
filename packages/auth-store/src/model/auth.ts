import { inspect } from 'node:util';
import type { AgentIdentityRecord } from './authDotJson.js';
import type { PlanType } from './authMode.js';

/**
 * OpenAI API key login (`apikey`).
 * @public
 */
export interface ApiKeyAuth {
  readonly mode: 'apikey';
  readonly apiKey: string;
}

/**
 * ChatGPT login, stored (`chatgpt`) or host-supplied and memory-only (`chatgptAuthTokens`).
 * @public
 */
export interface ChatgptAuth {
  readonly mode: 'chatgpt' | 'chatgptAuthTokens';
  readonly accessToken: string;
  readonly accountId: string | null;
  readonly email: string | null;
  readonly planType: PlanType | null;
}

/**
 * The task an Agent Identity registers once per process before its first request; runtime state,
 * never serialized.
 * @public
 */
export interface AgentTask {
  readonly taskId: string;
  readonly createdAt: string;
}

/**
 * Agent Identity login: its claims as a record (decoded when it was stored or given as a JWT). Its
 * task is registered when the first request needs it (`manager.agentTask()`).
 * @public
 */
export interface AgentIdentityAuth {
  readonly mode: 'agentIdentity';
  readonly record: AgentIdentityRecord;
  readonly accountId: string | null;
  readonly email: string | null;
  readonly planType: PlanType | null;
  /** Whether requests carry `X-OpenAI-Fedramp: true` (claim `chatgpt_account_is_fedramp`). */
  readonly fedramp: boolean;
}

/**
 * Personal access token login.
 * @public
 */
export interface PersonalAccessTokenAuth {
  readonly mode: 'personalAccessToken';
  readonly token: string;
}

/**
 * Amazon Bedrock API key (bearer token) with its AWS region; only for the amazon-bedrock provider.
 * @public
 */
export interface BedrockApiKeyAuth {
  readonly mode: 'bedrockApiKey';
  readonly apiKey: string;
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
