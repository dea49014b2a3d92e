import type { AuthMode } from '../model/authMode.js';

/**
 * Codex's `forced_login_method` and `forced_chatgpt_workspace_id`.
 * @public
 */
export interface LoginRestrictions {
  /**
   * Only this kind of login is allowed: `api` (API keys, Bedrock keys, access tokens) or `chatgpt` (the
   * rest).
   */
  forcedLoginMethod?: 'chatgpt' | 'api' | undefined;
  /** ChatGPT logins must belong to this workspace (account id); API logins are not affected. */
  forcedChatgptWorkspaceId?: string | undefined;
}

/** API keys, Bedrock keys and personal access tokens count as `api`; the rest as `chatgpt`. */
export function loginMethodOf(mode: AuthMode): 'chatgpt' | 'api' {
  return mode === 'apikey' || mode === 'bedrockApiKey' || mode === 'personalAccessToken' ? 'api' : 'chatgpt';
}

/**
 * Returns why a login of `mode` (for ChatGPT workspace `accountId`) breaks the restrictions, or
 * null when it complies. Messages name the setting and the modes, never a credential.
 */
export function checkLoginRestrictions(
  restrictions: LoginRestrictions | undefined,
  mode: AuthMode,
  accountId: string | null,
): string | null {
  if (!restrictions) return null;
  const method = loginMethodOf(mode);
  const forced = restrictions.forcedLoginMethod;
  if (forced && forced !== method) {
    return forced === 'api'
      ? `API key login is required (forced_login_method = "api"), but the current login uses ${mode}`
      : `ChatGPT login is required (forced_login_method = "chatgpt"), but the current login uses ${mode}`;
  }
  const workspace = restrictions.forcedChatgptWorkspaceId;
  if (workspace && method === 'chatgpt') {
    if (accountId === null) {
      return `login is restricted to ChatGPT workspace ${workspace} (forced_chatgpt_workspace_id), but the current login names no workspace`;
    }
    if (accountId !== workspace) {
      return `login is restricted to ChatGPT workspace ${workspace} (forced_chatgpt_workspace_id), but the current login belongs to workspace ${accountId}`;
    }
  }
  return null;
}
