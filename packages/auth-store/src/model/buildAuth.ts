import { AuthStoreError } from '../errors.js';
import { agentIdentityRecordOf } from './agentIdentityJwt.js';
import { agentKey } from './agentKey.js';
import type { AgentIdentityAuth, Auth } from './auth.js';
import { sealAuth } from './auth.js';
import type { AgentIdentityRecord, AuthDotJson } from './authDotJson.js';
import { resolveAuthMode } from './authDotJson.js';
import { toPlanType } from './authMode.js';
import { idTokenInfo } from './jwt.js';

function missing(source: string, mode: string, field: string): AuthStoreError {
  return new AuthStoreError('INVALID_CREDENTIAL', `${source} is in ${mode} mode but has no ${field}`);
}

/**
 * The auth of an Agent Identity record; its key is checked here, so a bad one is refused (naming
 * `source`) before any request.
 */
export function agentIdentityAuth(record: AgentIdentityRecord, source: string): AgentIdentityAuth {
  agentKey(record.agent_private_key, source);
  return sealAuth({
    mode: 'agentIdentity',
    record,
    accountId: record.account_id ?? null,
    email: record.email || null,
    planType: toPlanType(record.plan_type),
    fedramp: record.chatgpt_account_is_fedramp === true,
  });
}

/** Turns a stored record into the runtime {@link Auth}; `source` names it in errors. */
export function buildAuth(dot: AuthDotJson, source: string): Auth {
  const mode = resolveAuthMode(dot);
  switch (mode) {
    case 'apikey':
      if (!dot.OPENAI_API_KEY) throw missing(source, mode, 'OPENAI_API_KEY');
      return sealAuth({ mode, apiKey: dot.OPENAI_API_KEY });
    case 'personalAccessToken':
      if (!dot.personal_access_token) throw missing(source, mode, 'personal_access_token');
      return sealAuth({ mode, token: dot.personal_access_token });
    case 'bedrockApiKey':
      if (!dot.bedrock_api_key) throw missing(source, mode, 'bedrock_api_key');
      return sealAuth({ mode, apiKey: dot.bedrock_api_key.api_key, region: dot.bedrock_api_key.region });
    case 'agentIdentity': {
      const identity = dot.agent_identity;
      if (!identity) throw missing(source, mode, 'agent_identity');
      return agentIdentityAuth(agentIdentityRecordOf(identity, source), source);
    }
    default: {
      const tokens = dot.tokens;
      if (!tokens) throw missing(source, mode, 'tokens');
      const info = idTokenInfo(tokens.id_token);
      return sealAuth({
        mode,
        accessToken: tokens.access_token,
        accountId: tokens.account_id ?? info.accountId,
        email: info.email,
        planType: toPlanType(info.planType),
      });
    }
  }
}

/** The account an auth belongs to, for the "reload only if unchanged" rule and workspace checks. */
export function accountOf(auth: Auth | null): string | null {
  if (!auth) return null;
  return 'accountId' in auth ? auth.accountId : null;
}
