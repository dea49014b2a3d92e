import type { AgentTask } from '../model/auth.js';
import type { AgentIdentityRecord } from '../model/authDotJson.js';
import type { AuthWarning, StoreMode } from '../storage/authStore.js';
import type { KeyringLoader } from '../storage/keyringBackend.js';
import type { LoginRestrictions } from './loginRestrictions.js';

/** ChatGPT tokens supplied by a host app (`chatgptAuthTokens`, memory only). */
export interface ExternalChatgptTokens {
  accessToken: string;
  chatgptAccountId: string;
  chatgptPlanType?: string | null;
}

export interface AuthManagerOptions {
  home: string;
  /** Default `file`. */
  storeMode?: StoreMode;
  keyringService?: string;
  keyringChunkSize?: number;
  /** Environment to read (default `process.env`). `OPENAI_API_KEY` never logs anyone in. */
  env?: Record<string, string | undefined>;
  /** Opt in to `CODEX_API_KEY` from `env` taking precedence over stored credentials (as `codex exec`). */
  enableCodexApiKeyEnv?: boolean;
  /** Token endpoint; default `env.CODEX_REFRESH_TOKEN_URL_OVERRIDE` or OpenAI's. */
  refreshTokenUrl?: string;
  clientId?: string;
  loginRestrictions?: LoginRestrictions;
  fetch?: typeof fetch;
  onWarning?: (warning: AuthWarning) => void;
  /** Host callback giving new tokens after a 401 in `chatgptAuthTokens` mode (called once per recovery). */
  refreshExternalTokens?: (context: { previousAccountId: string | null }) => Promise<ExternalChatgptTokens>;
  /** Registers an Agent Identity's per-process task (default: a local random task id). */
  createAgentTask?: (record: AgentIdentityRecord) => Promise<AgentTask>;
  loadKeyring?: KeyringLoader;
  /**
   * Read and write auth.json even in a home owned by another user or writable by group or others
   * (refused with UNSAFE_HOME by default).
   */
  allowUnsafeHome?: boolean;
}
