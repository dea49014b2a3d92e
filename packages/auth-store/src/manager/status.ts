import type { AuthStoreErrorCode } from '../errors.js';
import { AuthStoreError } from '../errors.js';
import type { Auth } from '../model/auth.js';
import type { AuthMode, PlanType } from '../model/authMode.js';
import { accountOf } from '../model/buildAuth.js';
import type { StoreMode } from '../storage/authStore.js';
import type { ManagerState } from './managerState.js';
import { maskSecret } from './maskSecret.js';
import { resolveAuth } from './resolveAuth.js';

/**
 * What `status()` reports; never a secret (keys are masked).
 * @public
 */
export interface AuthStatus {
  /** Whether any login is in use: from the environment, the host or the store. */
  loggedIn: boolean;
  /** The kind of login in use; null when logged out. */
  mode: AuthMode | null;
  /** Where the manager keeps logins, as configured: `auto` is not narrowed to the backend in use. */
  storeMode: StoreMode;
  /**
   * The API key, Bedrock key or personal access token masked by `maskSecret`; null for ChatGPT and Agent
   * Identity logins.
   */
  maskedKey: string | null;
  /** The account's email, for ChatGPT and Agent Identity logins that carry one; else null. */
  email: string | null;
  /** The ChatGPT plan, for ChatGPT and Agent Identity logins that carry one; else null. */
  planType: PlanType | null;
  /** The ChatGPT workspace, for ChatGPT and Agent Identity logins that carry one; else null. */
  accountId: string | null;
  /** The AWS region of a stored Bedrock API key; null for every other login. */
  region: string | null;
}

// status() reports these instead of describing whatever was cached before.
const REFUSED_BY_STATUS: readonly AuthStoreErrorCode[] = [
  'AUTH_FILE_CORRUPT',
  'AUTH_FILE_IO',
  'UNSAFE_HOME',
  'INVALID_CREDENTIAL_VALUE',
  'AGENT_IDENTITY_INVALID',
];

/** The current login as `status()` describes it; other failures describe the cached login. */
export async function status(state: ManagerState): Promise<AuthStatus> {
  let auth: Auth | null = null;
  try {
    auth = await resolveAuth(state);
  } catch (error) {
    if (!(error instanceof AuthStoreError) || REFUSED_BY_STATUS.includes(error.code)) throw error;
    auth = state.stored?.auth ?? null;
  }
  const secret = !auth ? null : 'apiKey' in auth ? auth.apiKey : 'token' in auth ? auth.token : null;
  return {
    loggedIn: auth !== null,
    mode: auth?.mode ?? null,
    storeMode: state.storeMode,
    maskedKey: secret === null ? null : maskSecret(secret),
    email: auth && 'email' in auth ? auth.email : null,
    planType: auth && 'planType' in auth ? auth.planType : null,
    accountId: accountOf(auth),
    region: auth?.mode === 'bedrockApiKey' ? auth.region : null,
  };
}
