import type { AgentTask, Auth } from '../model/auth.js';
import type { AgentIdentity } from '../model/authDotJson.js';
import type { AccountUpdatedNotification, AuthMode } from '../model/authMode.js';
import type { ChatgptTokens } from '../model/loginRecords.js';
import * as records from '../model/loginRecords.js';
import type { StoreMode } from '../storage/authStore.js';
import { agentTask } from './agentTask.js';
import type { AuthManagerOptions, ExternalChatgptTokens } from './authManagerOptions.js';
import { setExternalTokens } from './externalTokens.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { cachedAuth, createManagerState } from './managerState.js';
import { subscribe } from './notifications.js';
import type { UnauthorizedRecovery } from './recovery.js';
import { createUnauthorizedRecovery } from './recovery.js';
import { refreshTokens } from './refreshTokens.js';
import { resolveAuth } from './resolveAuth.js';
import type { AuthStatus } from './status.js';
import { status } from './status.js';
import { reload } from './storedAuth.js';

/**
 * Login, logout, reload, refresh and 401 recovery over one credential store; see README for the lifecycle.
 * @public
 */
export interface AuthManager {
  readonly home: string;
  readonly storeMode: StoreMode;
  /** The current auth or null, refreshing ChatGPT tokens proactively. */
  auth(): Promise<Auth | null>;
  /** Re-reads the store; resolves whether anything changed (listeners are notified). */
  reload(): Promise<boolean>;
  /** Removes credentials from every store; resolves whether anything was removed. */
  logout(): Promise<boolean>;
  status(): Promise<AuthStatus>;
  loginWithApiKey(key: string): Promise<void>;
  loginWithBedrockApiKey(input: { apiKey: string; region: string }): Promise<void>;
  loginWithChatgptTokens(tokens: ChatgptTokens): Promise<void>;
  loginWithPersonalAccessToken(token: string): Promise<void>;
  /** Stores an Agent Identity in the form given: a JWT string (as current Codex) or a record. */
  loginWithAgentIdentity(identity: AgentIdentity): Promise<void>;
  /**
   * The task of the Agent Identity in use, registering it on first use (once per process and
   * identity). NOT_LOGGED_IN without a login, AUTH_MODE_UNSUPPORTED for another mode.
   */
  agentTask(): Promise<AgentTask>;
  setExternalChatgptTokens(tokens: ExternalChatgptTokens): Promise<void>;
  /** Forces a ChatGPT token refresh (under the cross-process lock) unless `staleAccessToken` is already replaced. */
  refreshTokens(staleAccessToken?: string): Promise<void>;
  unauthorizedRecovery(): UnauthorizedRecovery;
  /** Mode of the last loaded auth (synchronous; null before the first load). */
  currentMode(): AuthMode | null;
  /** Host-supplied tokens, else the stored login as last read; never reads, refreshes or registers (null before the first load). */
  currentAuth(): Auth | null;
  onChange(listener: (notification: AccountUpdatedNotification) => void): () => void;
}

/**
 * Creates the manager around a store; see README for the lifecycle. The manager is a small state
 * (store, lock, options, listeners, the auth in use) that each flow receives.
 * @public
 */
export function createAuthManager(options: AuthManagerOptions): AuthManager {
  const state = createManagerState(options);
  return {
    home: options.home,
    storeMode: state.storeMode,
    auth: () => resolveAuth(state),
    reload: () => reload(state),
    logout: () => logout(state),
    status: () => status(state),
    loginWithApiKey: async (key) => login(state, records.apiKeyRecord(key)),
    loginWithBedrockApiKey: async (input) => login(state, records.bedrockRecord(input)),
    loginWithChatgptTokens: async (tokens) => login(state, records.chatgptRecord(tokens, new Date())),
    loginWithPersonalAccessToken: async (token) => login(state, records.patRecord(token)),
    loginWithAgentIdentity: async (identity) => login(state, records.agentIdentityRecord(identity)),
    agentTask: () => agentTask(state),
    setExternalChatgptTokens: (tokens) => setExternalTokens(state, tokens),
    refreshTokens: (staleAccessToken) => refreshTokens(state, staleAccessToken),
    unauthorizedRecovery: () => createUnauthorizedRecovery(state),
    currentMode: () => cachedAuth(state)?.mode ?? null,
    currentAuth: () => cachedAuth(state),
    onChange: (listener) => subscribe(state, listener),
  };
}
