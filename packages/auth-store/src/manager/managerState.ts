import { AuthStoreError } from '../errors.js';
import type { Auth } from '../model/auth.js';
import type { AuthDotJson } from '../model/authDotJson.js';
import type { AccountUpdatedNotification } from '../model/authMode.js';
import type { AgentTaskRegistry } from '../refresh/agentTaskRegistry.js';
import { createAgentTaskRegistry } from '../refresh/agentTaskRegistry.js';
import type { Refresher } from '../refresh/refresher.js';
import { createRefresher } from '../refresh/refresher.js';
import { DEFAULT_CLIENT_ID, DEFAULT_REFRESH_TOKEN_URL } from '../refresh/requestTokenRefresh.js';
import type { AuthStore, AuthWarning, StoreMode } from '../storage/authStore.js';
import { createAuthStore } from '../storage/authStore.js';
import type { FileStore } from '../storage/fileStore.js';
import { createFileStore } from '../storage/fileStore.js';
import type { StoreLock } from '../storage/storeLock.js';
import { createStoreLock } from '../storage/storeLock.js';
import type { AuthManagerOptions } from './authManagerOptions.js';

/** The stored record as last read, and the auth built from it. */
export interface StoredAuth {
  dot: AuthDotJson | null;
  auth: Auth | null;
}

/** Everything one manager holds. Each flow (login, logout, status, recovery, ...) receives it. */
export interface ManagerState {
  readonly options: AuthManagerOptions;
  /** `options.requestTimeoutMs`, checked, or its default. */
  readonly requestTimeoutMs: number;
  /** Variables to read. */
  readonly env: Record<string, string | undefined>;
  readonly storeMode: StoreMode;
  readonly store: AuthStore;
  /** auth.json itself, for corrupt-file handling whatever the store mode. */
  readonly file: FileStore;
  readonly lock: StoreLock;
  readonly refresher: Refresher;
  readonly listeners: Set<(notification: AccountUpdatedNotification) => void>;
  /** Tasks from the host's `createAgentTask`, by runtime id (built-in registrations are process-wide). */
  readonly tasks: AgentTaskRegistry;
  /** The auth last taken from the environment (`CODEX_API_KEY`, `CODEX_AGENT_IDENTITY`), when opted in. */
  fromEnv: { text: string; auth: Auth } | null;
  /** Undefined until the store is first read. */
  stored: StoredAuth | undefined;
  /** Host-supplied ChatGPT tokens (memory only); they come before the store. */
  external: Auth | null;
}

/** Default of `requestTimeoutMs`: how long a refresh or task registration may wait for its answer. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function requestTimeoutOf(options: AuthManagerOptions): number {
  const ms = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) {
    throw new AuthStoreError('INVALID_OPTION', 'requestTimeoutMs must be a positive number of milliseconds');
  }
  return ms;
}

export function createManagerState(options: AuthManagerOptions): ManagerState {
  const requestTimeoutMs = requestTimeoutOf(options);
  const env = options.env ?? process.env;
  const storeMode = options.storeMode ?? 'file';
  const store = createAuthStore({
    home: options.home,
    mode: storeMode,
    onWarning: (warning) => options.onWarning?.(warning),
    keyringService: options.keyringService,
    keyringChunkSize: options.keyringChunkSize,
    loadKeyring: options.loadKeyring,
    allowUnsafeHome: options.allowUnsafeHome,
  });
  return {
    options,
    requestTimeoutMs,
    env,
    storeMode,
    store,
    file: createFileStore({
      home: options.home,
      allowUnsafeHome: options.allowUnsafeHome,
    }),
    lock: createStoreLock(options.home, storeMode),
    refresher: createRefresher({
      store,
      fetch: options.fetch ?? fetch,
      url: options.refreshTokenUrl ?? env.CODEX_REFRESH_TOKEN_URL_OVERRIDE ?? DEFAULT_REFRESH_TOKEN_URL,
      clientId: options.clientId ?? DEFAULT_CLIENT_ID,
      timeoutMs: requestTimeoutMs,
    }),
    listeners: new Set(),
    tasks: createAgentTaskRegistry(),
    fromEnv: null,
    stored: undefined,
    external: null,
  };
}

/** The auth in use without loading anything: from the environment, host-supplied, else the cached stored one. */
export function cachedAuth(state: ManagerState): Auth | null {
  return state.fromEnv?.auth ?? state.external ?? state.stored?.auth ?? null;
}

export function warn(state: ManagerState, warning: AuthWarning): void {
  state.options.onWarning?.(warning);
}
