import type { AuthStoreErrorCode } from '../errors.js';
import { AuthStoreError } from '../errors.js';
import { requireHeaderSafe } from '../model/credentialValues.js';
import { idTokenInfo } from '../model/jwt.js';
import { scrubCause } from '../model/scrubCause.js';

/**
 * Codex's public OAuth token endpoint (codex-rs `login` crate).
 * @public
 */
export const DEFAULT_REFRESH_TOKEN_URL = 'https://auth.openai.com/oauth/token';
/**
 * Codex's public OAuth client id (codex-rs `login` crate).
 * @public
 */
export const DEFAULT_CLIENT_ID = 'app_EMoamEEZ73f0CkXaXp7hrann';

export interface RefreshedTokens {
  idToken?: string | undefined;
  accessToken?: string | undefined;
  refreshToken?: string | undefined;
}

/** Permanent refresh failures: the user has to log in again. */
export const PERMANENT_REFRESH_CODES: readonly AuthStoreErrorCode[] = [
  'REFRESH_TOKEN_EXPIRED',
  'REFRESH_TOKEN_REUSED',
  'REFRESH_TOKEN_INVALIDATED',
  'REFRESH_INVALID_GRANT',
  'REFRESH_UNAUTHORIZED',
];

const PERMANENT: Record<string, AuthStoreErrorCode> = {
  refresh_token_expired: 'REFRESH_TOKEN_EXPIRED',
  refresh_token_reused: 'REFRESH_TOKEN_REUSED',
  refresh_token_invalidated: 'REFRESH_TOKEN_INVALIDATED',
  invalid_grant: 'REFRESH_INVALID_GRANT',
};

function errorCodeOf(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object') {
    const code = (error as Record<string, unknown>).code;
    if (typeof code === 'string') return code;
  }
  return typeof record.code === 'string' ? record.code : null;
}

/**
 * POSTs `{client_id, grant_type: "refresh_token", refresh_token}` to the token endpoint. Permanent
 * failures (expired, reused, invalidated, invalid_grant, 401) get their own codes; everything else
 * is `REFRESH_TRANSIENT`. Response bodies are never copied into messages.
 */
export async function requestTokenRefresh(options: {
  url: string;
  clientId: string;
  refreshToken: string;
  fetch: typeof fetch;
  /** Abort the request after this long (default 30 s) so the refresh lock is never held forever. */
  timeoutMs?: number | undefined;
}): Promise<RefreshedTokens> {
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: options.clientId,
        grant_type: 'refresh_token',
        refresh_token: options.refreshToken,
      }),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (cause) {
    throw new AuthStoreError('REFRESH_TRANSIENT', `token refresh request to ${options.url} failed`, {
      cause: scrubCause(cause, [options.refreshToken]),
    });
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  if (!response.ok) {
    const found = errorCodeOf(body);
    // Only a known error code is echoed; anything else in the body (it may echo a token) stays out.
    const code = found && Object.hasOwn(PERMANENT, found) ? found : null;
    const permanent = (code && PERMANENT[code]) || (response.status === 401 ? 'REFRESH_UNAUTHORIZED' : null);
    if (permanent) {
      throw new AuthStoreError(
        permanent,
        `token refresh was rejected (HTTP ${response.status}${code ? `, ${code}` : ''}); log in again`,
      );
    }
    throw new AuthStoreError('REFRESH_TRANSIENT', `token refresh failed with HTTP ${response.status}`);
  }
  const record = (body ?? {}) as Record<string, unknown>;
  const pick = (key: string): string | undefined =>
    typeof record[key] === 'string' ? record[key] : undefined;
  const result: RefreshedTokens = {};
  const idToken = pick('id_token');
  const accessToken = pick('access_token');
  const refreshToken = pick('refresh_token');
  if (idToken) result.idToken = idToken;
  if (accessToken) result.accessToken = accessToken;
  if (refreshToken) result.refreshToken = refreshToken;
  if (!accessToken && !idToken) {
    throw new AuthStoreError('REFRESH_BAD_RESPONSE', `token endpoint ${options.url} returned no tokens`);
  }
  if (accessToken) requireHeaderSafe(accessToken, `the access_token returned by ${options.url}`);
  const accountId = idToken ? idTokenInfo(idToken).accountId : null;
  if (accountId)
    requireHeaderSafe(accountId, `the id_token returned by ${options.url} (chatgpt_account_id claim)`);
  return result;
}
