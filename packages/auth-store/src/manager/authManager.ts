import { randomUUID } from 'node:crypto';
import { AuthStoreError } from '../errors.js';
import type { AgentTask, Auth } from '../model/auth.js';
import { sealAuth } from '../model/auth.js';
import type { AgentIdentityRecord, AuthDotJson } from '../model/authDotJson.js';
import { resolveAuthMode } from '../model/authDotJson.js';
import type { AccountUpdatedNotification, AuthMode, PlanType } from '../model/authMode.js';
import { toPlanType } from '../model/authMode.js';
import { accountOf, buildAuth } from '../model/buildAuth.js';
import { requireHeaderSafe } from '../model/credentialValues.js';
import type { ChatgptTokens } from '../model/loginRecords.js';
import * as records from '../model/loginRecords.js';
import { scrubCause, secretValues } from '../model/scrubCause.js';
import { createRefresher } from '../refresh/refresher.js';
import { DEFAULT_CLIENT_ID, DEFAULT_REFRESH_TOKEN_URL } from '../refresh/tokenRefresh.js';
import type { AuthStore, AuthWarning, StoreMode } from '../storage/authStore.js';
import { createAuthStore } from '../storage/authStore.js';
import { withFileLock } from '../storage/fileLock.js';
import { createFileStore } from '../storage/fileStore.js';
import { ensureHome } from '../storage/home.js';
import type { KeyringLoader } from '../storage/keyringBackend.js';
import type { LoginRestrictions } from './loginRestrictions.js';
import { checkLoginRestrictions } from './loginRestrictions.js';
import { maskSecret } from './maskSecret.js';
import type { UnauthorizedRecovery } from './recovery.js';
import { createUnauthorizedRecovery } from './recovery.js';

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

/** What `status()` reports; never a secret (keys are masked). */
export interface AuthStatus {
  loggedIn: boolean;
  mode: AuthMode | null;
  storeMode: StoreMode;
  maskedKey: string | null;
  email: string | null;
  planType: PlanType | null;
  accountId: string | null;
  region: string | null;
}

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
  loginWithAgentIdentity(record: AgentIdentityRecord): Promise<void>;
  setExternalChatgptTokens(tokens: ExternalChatgptTokens): Promise<void>;
  /** Forces a ChatGPT token refresh (under the cross-process lock) unless `staleAccessToken` is already replaced. */
  refreshTokens(staleAccessToken?: string): Promise<void>;
  unauthorizedRecovery(): UnauthorizedRecovery;
  /** Mode of the last loaded auth (synchronous; null before the first load). */
  currentMode(): AuthMode | null;
  onChange(listener: (notification: AccountUpdatedNotification) => void): () => void;
}

// status() reports these instead of describing whatever was cached before.
const REFUSED_BY_STATUS = ['AUTH_FILE_CORRUPT', 'AUTH_FILE_IO', 'UNSAFE_HOME', 'INVALID_CREDENTIAL_VALUE'];

/** Creates the manager around a store; see README for the lifecycle. */
export function createAuthManager(options: AuthManagerOptions): AuthManager {
  const env = options.env ?? process.env;
  const storeMode = options.storeMode ?? 'file';
  const warn = (warning: AuthWarning): void => options.onWarning?.(warning);
  const store: AuthStore = createAuthStore({
    home: options.home,
    mode: storeMode,
    onWarning: warn,
    ...(options.keyringService !== undefined && { keyringService: options.keyringService }),
    ...(options.keyringChunkSize !== undefined && { keyringChunkSize: options.keyringChunkSize }),
    ...(options.loadKeyring !== undefined && { loadKeyring: options.loadKeyring }),
    ...(options.allowUnsafeHome !== undefined && { allowUnsafeHome: options.allowUnsafeHome }),
  });
  const file = createFileStore({
    home: options.home,
    ...(options.allowUnsafeHome !== undefined && { allowUnsafeHome: options.allowUnsafeHome }),
  });
  const listeners = new Set<(n: AccountUpdatedNotification) => void>();
  // Promises, so concurrent first loads share one registration.
  const tasks = new Map<string, Promise<AgentTask>>();
  const lockPath = `${file.path}.lock`;
  let stored: { dot: AuthDotJson | null; auth: Auth | null } | undefined;
  let external: Auth | null = null;

  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (storeMode === 'ephemeral') return fn();
    await ensureHome(options.home);
    return withFileLock(lockPath, fn);
  };
  const task = (record: AgentIdentityRecord): Promise<AgentTask> => {
    let found = tasks.get(record.agent_runtime_id);
    if (!found) {
      const id = record.agent_runtime_id;
      found = options.createAgentTask
        ? options.createAgentTask(record)
        : Promise.resolve({ taskId: randomUUID(), createdAt: new Date().toISOString() });
      // A failed registration is not remembered: the next load tries again.
      found.catch(() => tasks.delete(id));
      tasks.set(id, found);
    }
    return found;
  };
  const notify = (): void => {
    const auth = external ?? stored?.auth ?? null;
    const notification: AccountUpdatedNotification = {
      authMode: auth?.mode ?? null,
      planType: auth && 'planType' in auth ? auth.planType : null,
    };
    for (const listener of listeners) listener(notification);
  };
  // The first load (from `auth()`) sets the initial state silently; `announce` (used by `reload()`)
  // notifies for that first load too, so whenever `reload()` resolves true the listeners have heard.
  const adopt = async (dot: AuthDotJson | null, announce = false): Promise<boolean> => {
    const changed = JSON.stringify(dot) !== JSON.stringify(stored?.dot ?? null);
    const auth = dot
      ? await buildAuth(dot, storeMode === 'file' ? file.path : `${storeMode} store`, task)
      : null;
    const before = stored;
    stored = { dot, auth };
    if (changed && (before !== undefined || announce)) notify();
    return changed;
  };
  const enforce = async (auth: Auth | null): Promise<void> => {
    if (!auth) return;
    const problem = checkLoginRestrictions(options.loginRestrictions, auth.mode, accountOf(auth));
    if (problem) {
      await manager.logout();
      throw new AuthStoreError('LOGIN_RESTRICTED', `${problem}; logged out`);
    }
  };
  const refresher = createRefresher({
    store,
    locked,
    adopt,
    current: () => stored?.dot ?? null,
    fetch: options.fetch ?? fetch,
    url: options.refreshTokenUrl ?? env.CODEX_REFRESH_TOKEN_URL_OVERRIDE ?? DEFAULT_REFRESH_TOKEN_URL,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    warn,
  });
  /** Before auth.json is replaced or removed: an unreadable one is copied aside, never lost. */
  const keepCorruptCopy = async (): Promise<void> => {
    const copy = storeMode === 'ephemeral' ? null : await file.preserveCorrupt();
    if (copy) warn({ code: 'AUTH_FILE_CORRUPT', message: `kept the unreadable auth file as ${copy}` });
  };
  const login = async (dot: AuthDotJson): Promise<void> => {
    const mode = resolveAuthMode(dot);
    const preview = await buildAuth(dot, 'login', async () => ({ taskId: '', createdAt: '' }));
    const problem = checkLoginRestrictions(options.loginRestrictions, mode, accountOf(preview));
    if (problem) throw new AuthStoreError('LOGIN_RESTRICTED', problem);
    await locked(async () => {
      await keepCorruptCopy();
      await store.save(dot);
    });
    external = null;
    if (stored === undefined) stored = { dot: null, auth: null };
    await adopt(dot);
  };

  const manager: AuthManager = {
    home: options.home,
    storeMode,
    async auth() {
      const envKey = options.enableCodexApiKeyEnv ? env.CODEX_API_KEY?.trim() : undefined;
      if (envKey) {
        requireHeaderSafe(envKey, 'the environment variable CODEX_API_KEY');
        return sealAuth({ mode: 'apikey', apiKey: envKey });
      }
      if (external) return external;
      if (stored === undefined) await adopt(await store.load());
      await enforce(stored?.auth ?? null);
      if (stored?.auth?.mode === 'chatgpt') await refresher.proactive();
      return stored?.auth ?? null;
    },
    async reload() {
      return adopt(await store.load(), true);
    },
    async logout() {
      // Logging out removes every copy of the secrets: an unreadable auth.json is deleted, not kept,
      // and so are the copies earlier logins kept of one. Warnings name the files, never content.
      const removed = await locked(async () => {
        const broken = storeMode !== 'ephemeral' && (await file.unreadable());
        const deleted = await store.delete();
        if (broken)
          warn({ code: 'AUTH_FILE_CORRUPT', message: `removed the unreadable auth file ${file.path}` });
        const copies = storeMode === 'ephemeral' ? [] : await file.removeCopies();
        if (copies.length > 0) {
          const list = copies.join(', ');
          warn({ code: 'AUTH_FILE_CORRUPT', message: `removed copies of an unreadable auth file: ${list}` });
        }
        return deleted || copies.length > 0;
      });
      const hadExternal = external !== null;
      external = null;
      const had = stored?.dot != null;
      stored = { dot: null, auth: null };
      if (removed || hadExternal || had) notify();
      return removed || hadExternal;
    },
    async status() {
      let auth: Auth | null = null;
      try {
        auth = await manager.auth();
      } catch (error) {
        if (!(error instanceof AuthStoreError) || REFUSED_BY_STATUS.includes(error.code)) throw error;
        auth = stored?.auth ?? null;
      }
      const secret = !auth ? null : 'apiKey' in auth ? auth.apiKey : 'token' in auth ? auth.token : null;
      return {
        loggedIn: auth !== null,
        mode: auth?.mode ?? null,
        storeMode,
        maskedKey: secret === null ? null : maskSecret(secret),
        email: auth && 'email' in auth ? auth.email : null,
        planType: auth && 'planType' in auth ? auth.planType : null,
        accountId: accountOf(auth),
        region: auth?.mode === 'bedrockApiKey' ? auth.region : null,
      };
    },
    loginWithApiKey: async (key) => login(records.apiKeyRecord(key)),
    loginWithBedrockApiKey: async (input) => login(records.bedrockRecord(input)),
    loginWithChatgptTokens: async (tokens) => login(records.chatgptRecord(tokens, new Date())),
    loginWithPersonalAccessToken: async (token) => login(records.patRecord(token)),
    loginWithAgentIdentity: async (record) => login(records.agentIdentityRecord(record)),
    async setExternalChatgptTokens(tokens) {
      const accessToken = records.requireText(tokens?.accessToken, 'accessToken');
      const accountId = records.requireText(tokens.chatgptAccountId, 'chatgptAccountId');
      const problem = checkLoginRestrictions(options.loginRestrictions, 'chatgptAuthTokens', accountId);
      if (problem) throw new AuthStoreError('LOGIN_RESTRICTED', problem);
      const planType = toPlanType(tokens.chatgptPlanType);
      external = sealAuth({ mode: 'chatgptAuthTokens', accessToken, accountId, email: null, planType });
      notify();
    },
    async refreshTokens(staleAccessToken) {
      if (stored === undefined) await adopt(await store.load());
      await refresher.force(staleAccessToken);
    },
    unauthorizedRecovery() {
      return createUnauthorizedRecovery({
        auth: () => external ?? stored?.auth ?? null,
        reloadSameAccount: async () => {
          const dot = await store.load();
          const next = dot ? await buildAuth(dot, 'store', task) : null;
          const current = stored?.auth ?? null;
          if (!next || next.mode !== current?.mode || accountOf(next) !== accountOf(current)) {
            return 'accountChanged';
          }
          return (await adopt(dot)) ? 'changed' : 'unchanged';
        },
        refresh: (stale) => refresher.force(stale),
        refreshExternal: async () => {
          if (!options.refreshExternalTokens) return false;
          const previous = accountOf(external);
          let next: ExternalChatgptTokens;
          try {
            next = await options.refreshExternalTokens({ previousAccountId: previous });
          } catch (cause) {
            const known = [external && 'accessToken' in external ? external.accessToken : null];
            throw new AuthStoreError('EXTERNAL_REFRESH_FAILED', 'the host token refresh callback failed', {
              cause: scrubCause(cause, [...known, ...secretValues(stored?.dot)]),
            });
          }
          await manager.setExternalChatgptTokens(next);
          return true;
        },
      });
    },
    currentMode: () => (external ?? stored?.auth ?? null)?.mode ?? null,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return manager;
}
