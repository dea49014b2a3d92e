import { decodeAgentIdentityJwt } from '../model/agentIdentityJwt.js';
import type { Auth } from '../model/auth.js';
import { sealAuth } from '../model/auth.js';
import { agentIdentityAuth } from '../model/buildAuth.js';
import { requireHeaderSafe } from '../model/credentialValues.js';
import type { ManagerState } from './managerState.js';

const AGENT_VARIABLE = 'the environment variable CODEX_AGENT_IDENTITY';

function build(kind: 'apikey' | 'agentIdentity', text: string): Auth {
  if (kind === 'apikey') {
    requireHeaderSafe(text, 'the environment variable CODEX_API_KEY');
    return sealAuth({ mode: 'apikey', apiKey: text });
  }
  const record = decodeAgentIdentityJwt(text, AGENT_VARIABLE);
  requireHeaderSafe(record.agent_runtime_id, `${AGENT_VARIABLE} (claim agent_runtime_id)`);
  if (record.account_id) requireHeaderSafe(record.account_id, `${AGENT_VARIABLE} (claim account_id)`);
  return agentIdentityAuth(record, AGENT_VARIABLE);
}

/**
 * The auth the environment gives, ahead of host-supplied and stored credentials: `CODEX_API_KEY`
 * when `enableCodexApiKeyEnv`, else `CODEX_AGENT_IDENTITY` (a JWT) when
 * `enableCodexAgentIdentityEnv`; null when neither applies. The last one built is reused while the
 * variable is unchanged.
 */
export function envAuth(state: ManagerState): Auth | null {
  const { options, env } = state;
  const apiKey = options.enableCodexApiKeyEnv ? env.CODEX_API_KEY?.trim() : undefined;
  const identity = options.enableCodexAgentIdentityEnv ? env.CODEX_AGENT_IDENTITY?.trim() : undefined;
  const kind = apiKey ? 'apikey' : identity ? 'agentIdentity' : null;
  if (!kind) {
    state.fromEnv = null;
    return null;
  }
  const value = (kind === 'apikey' ? apiKey : identity) as string;
  const text = `${kind}:${value}`;
  if (state.fromEnv?.text === text) return state.fromEnv.auth;
  state.fromEnv = null;
  const auth = build(kind, value);
  state.fromEnv = { text, auth };
  return auth;
}
