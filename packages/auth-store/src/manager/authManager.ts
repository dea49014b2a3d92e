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
  /** The folder holding auth.json, as given; errors and the keyring entry name it. */
  readonly home: string;
  /** Where the login is kept: the `storeMode` option, `file` when none was given. */
  readonly storeMode: StoreMode;
  /** The current auth or null, refreshing ChatGPT tokens proactively. */
  auth(): Promise<Auth | null>;
  /** Re-reads the store; resolves whether anything changed (listeners are notified). */
  reload(): Promise<boolean>;
  /** Removes credentials from every store; resolves whether anything was removed. */
  logout(): Promise<boolean>;
  /**
   * The login in use described without a secret (keys masked). When loading fails for a reason that
   * may pass (a refresh), the last login read is described; a corrupt or unsafe store throws.
   */
  status(): Promise<AuthStatus>;
  /**
   * Stores an OpenAI API key (mode `apikey`) in place of any login; refused by a forced `chatgpt` login
   * method.
   */
  loginWithApiKey(key: string): Promise<void>;
  /**
   * Stores a Bedrock API key with its AWS region (mode `bedrockApiKey`); INVALID_REGION for a malformed
   * region.
   */
  loginWithBedrockApiKey(input: { apiKey: string; region: string }): Promise<void>;
  /**
   * Stores ChatGPT OAuth tokens (mode `chatgpt`), now as their last refresh; checked against the login
   * restrictions.
   */
  loginWithChatgptTokens(tokens: ChatgptTokens): Promise<void>;
  /** Stores a personal access token (mode `personalAccessToken`) in place of any login. */
  loginWithPersonalAccessToken(token: string): Promise<void>;
  /** Stores an Agent Identity in the form given: a JWT string (as current Codex) or a record. */
  loginWithAgentIdentity(identity: AgentIdentity): Promise<void>;
  /**
   * The task of the Agent Identity in use, registering it on first use (once per process and
   * identity). NOT_LOGGED_IN without a login, AUTH_MODE_UNSUPPORTED for another mode.
   */
  agentTask(): Promise<AgentTask>;
  /**
   * Uses a host's ChatGPT tokens (mode `chatgptAuthTokens`), in memory only, ahead of the store until logout
   * or the next login.
   */
  setExternalChatgptTokens(tokens: ExternalChatgptTokens): Promise<void>;
  /** Forces a ChatGPT token refresh (under the cross-process lock) unless `staleAccessToken` is already replaced. */
  refreshTokens(staleAccessToken?: string): Promise<void>;
  /**
   * A new staged recovery for a 401, its steps chosen by the login in use; `createOpenAiAuthSource` drives
   * one for you.
   */
  unauthorizedRecovery(): UnauthorizedRecovery;
  /** Mode of the last loaded auth (synchronous; null before the first load). */
  currentMode(): AuthMode | null;
  /** Host-supplied tokens, else the stored login as last read; never reads, refreshes or registers (null before the first load). */
  currentAuth(): Auth | null;
  /**
   * Calls `listener` with the mode and plan now in use whenever the login changes (login, logout, a
   * reload or refresh that found something new, host tokens); returns a function that removes it.
   */
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
