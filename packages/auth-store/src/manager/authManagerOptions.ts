import type { AgentTask } from '../model/auth.js';
import type { AgentIdentityRecord } from '../model/authDotJson.js';
import type { AuthWarning, StoreMode } from '../storage/authStore.js';
import type { KeyringLoader } from '../storage/keyringBackend.js';
import type { LoginRestrictions } from './loginRestrictions.js';

/**
 * ChatGPT tokens supplied by a host app (`chatgptAuthTokens`, memory only).
 * @public
 */
export interface ExternalChatgptTokens {
  /** The ChatGPT access token the host obtained, sent as `Authorization: Bearer`. */
  accessToken: string;
  /** The ChatGPT workspace the token is for, sent as `chatgpt-account-id`; required. */
  chatgptAccountId: string;
  /** The plan as the host knows it (`plus`, `team`...); one this version does not know becomes `unknown`. */
  chatgptPlanType?: string | null | undefined;
}

/**
 * Options of `createAuthManager`.
 * @public
 */
export interface AuthManagerOptions {
  /** The folder holding auth.json (Codex: `$CODEX_HOME` or `~/.codex`). */
  home: string;
  /** Default `file`. */
  storeMode?: StoreMode | undefined;
  /** Keyring service name the login is stored under (default `Codex Auth`, as Codex). */
  keyringService?: string | undefined;
  /**
   * Longest keyring value in characters before it is split into parts (default 1200 on Windows, 65536
   * elsewhere).
   */
  keyringChunkSize?: number | undefined;
  /**
   * Environment to read (default `process.env`): `CODEX_API_KEY` and `CODEX_AGENT_IDENTITY` when
   * opted in, `CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL`, `CODEX_REFRESH_TOKEN_URL_OVERRIDE`.
   * `OPENAI_API_KEY` never logs anyone in.
   */
  env?: Record<string, string | undefined> | undefined;
  /** Opt in to `CODEX_API_KEY` from `env` taking precedence over stored credentials (as `codex exec`). */
  enableCodexApiKeyEnv?: boolean | undefined;
  /**
   * Opt in to `CODEX_AGENT_IDENTITY` (an Agent Identity JWT) from `env` taking precedence over
   * host-supplied and stored credentials; `CODEX_API_KEY`, when also opted in and set, comes first.
   */
  enableCodexAgentIdentityEnv?: boolean | undefined;
  /** Token endpoint; default `env.CODEX_REFRESH_TOKEN_URL_OVERRIDE` or OpenAI's. */
  refreshTokenUrl?: string | undefined;
  /** OAuth client id sent with token refreshes (default `DEFAULT_CLIENT_ID`, Codex's). */
  clientId?: string | undefined;
  /** Codex's `forced_login_method` and `forced_chatgpt_workspace_id`: logins that break them are refused. */
  loginRestrictions?: LoginRestrictions | undefined;
  /** The `fetch` for token refreshes and agent task registration (default the global `fetch`). */
  fetch?: typeof fetch | undefined;
  /**
   * How long one request the manager makes itself (a token refresh, one agent task registration
   * attempt) may wait for its answer, in milliseconds; default 30 000. A server that accepts the
   * connection and never answers is given up on after this, so no lock or caller waits for ever.
   */
  requestTimeoutMs?: number | undefined;
  /**
   * Hears non-fatal events: keyring fallback to the file, an unreadable auth.json kept or removed, a failed
   * proactive refresh.
   */
  onWarning?: ((warning: AuthWarning) => void) | undefined;
  /** Host callback giving new tokens after a 401 in `chatgptAuthTokens` mode (called once per recovery). */
  refreshExternalTokens?:
    | ((context: { previousAccountId: string | null }) => Promise<ExternalChatgptTokens>)
    | undefined;
  /**
   * Replaces the built-in task registration (`POST {authapi}/v1/agent/{runtime id}/task/register`):
   * called once per runtime id by this manager, and again after a 401 for a new task.
   */
  createAgentTask?: ((record: AgentIdentityRecord) => Promise<AgentTask>) | undefined;
  /** Replaces the lazy `@napi-rs/keyring` import (another keyring binding, or a fake in tests). */
  loadKeyring?: KeyringLoader | undefined;
  /**
   * Read and write auth.json even in a home owned by another user or writable by group or others
   * (refused with UNSAFE_HOME by default).
   */
  allowUnsafeHome?: boolean | undefined;
}
