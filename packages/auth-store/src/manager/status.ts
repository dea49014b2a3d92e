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
  loggedIn: boolean;
  mode: AuthMode | null;
  storeMode: StoreMode;
  maskedKey: string | null;
  email: string | null;
  planType: PlanType | null;
  accountId: string | null;
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
