import { AuthStoreError } from '../errors.js';
import { decodeAgentIdentityJwt } from './agentIdentityJwt.js';
import { agentKey } from './agentKey.js';
import type { AgentIdentity, AuthDotJson } from './authDotJson.js';
import { AgentIdentityRecordSchema } from './authDotJson.js';
import { requireHeaderSafe } from './credentialValues.js';
import { idTokenInfo } from './jwt.js';

// AWS region names such as us-east-1, eu-central-2, us-gov-west-1, cn-north-1.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function requireText(value: unknown, field: string, allowSpaces = false): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AuthStoreError('INVALID_CREDENTIAL', `${field} must be a non-empty string`);
  }
  // Multi-line values (a PEM private key) are never sent in a header.
  if (!allowSpaces) requireHeaderSafe(value, field);
  if (!allowSpaces && /\s/.test(value))
    throw new AuthStoreError('INVALID_CREDENTIAL', `${field} must not contain whitespace`);
  return value;
}

export function apiKeyRecord(key: string): AuthDotJson {
  return { auth_mode: 'apikey', OPENAI_API_KEY: requireText(key, 'apiKey') };
}

export function bedrockRecord(input: { apiKey: string; region: string }): AuthDotJson {
  const apiKey = requireText(input?.apiKey, 'apiKey');
  const region = typeof input.region === 'string' ? input.region.trim() : '';
  if (!REGION.test(region)) {
    throw new AuthStoreError('INVALID_REGION', `region must be an AWS region name such as us-east-1`);
  }
  return { auth_mode: 'bedrockApiKey', OPENAI_API_KEY: null, bedrock_api_key: { api_key: apiKey, region } };
}

export function patRecord(token: string): AuthDotJson {
  return {
    auth_mode: 'personalAccessToken',
    OPENAI_API_KEY: null,
    personal_access_token: requireText(token, 'personal access token'),
  };
}

/**
 * ChatGPT OAuth tokens as returned by the login flow.
 * @public
 */
export interface ChatgptTokens {
  /** The OpenID id token (a JWT); email, plan and account id are read from its claims. */
  idToken: string;
  /** The OAuth access token that authorizes requests. */
  accessToken: string;
  /** The refresh token that gets new tokens when the access token expires or is refused. */
  refreshToken: string;
  /** The ChatGPT workspace; when absent, the id token's `chatgpt_account_id` claim is used. */
  accountId?: string | undefined;
}

export function chatgptRecord(tokens: ChatgptTokens, now: Date): AuthDotJson {
  const idToken = requireText(tokens?.idToken, 'idToken');
  const accountId = tokens.accountId ?? idTokenInfo(idToken).accountId;
  if (accountId) {
    requireHeaderSafe(accountId, tokens.accountId ? 'accountId' : 'idToken (chatgpt_account_id claim)');
  }
  return {
    auth_mode: 'chatgpt',
    OPENAI_API_KEY: null,
    tokens: {
      id_token: idToken,
      access_token: requireText(tokens.accessToken, 'accessToken'),
      refresh_token: requireText(tokens.refreshToken, 'refreshToken'),
      ...(accountId ? { account_id: accountId } : {}),
    },
    last_refresh: now.toISOString(),
  };
}

/**
 * An Agent Identity login, kept in the form given: a JWT (stored as the string, as current Codex
 * does) or a record. Either way its claims and key are checked first.
 */
export function agentIdentityRecord(identity: AgentIdentity): AuthDotJson {
  if (typeof identity === 'string') {
    const jwt = identity.trim();
    const claims = decodeAgentIdentityJwt(jwt, 'the agent identity JWT');
    requireHeaderSafe(claims.agent_runtime_id, 'the agent identity JWT (claim agent_runtime_id)');
    if (claims.account_id) requireHeaderSafe(claims.account_id, 'the agent identity JWT (claim account_id)');
    agentKey(claims.agent_private_key, 'the agent identity JWT');
    return { auth_mode: 'agentIdentity', OPENAI_API_KEY: null, agent_identity: jwt };
  }
  const parsed = AgentIdentityRecordSchema.safeParse(identity);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(the record itself)');
    throw new AuthStoreError(
      'INVALID_CREDENTIAL',
      `agent identity record has invalid fields: ${fields.join(', ')}`,
    );
  }
  const record = parsed.data;
  requireText(record.agent_runtime_id, 'agent_runtime_id');
  requireText(record.agent_private_key, 'agent_private_key', true);
  if (record.account_id) requireHeaderSafe(record.account_id, 'agent identity account_id');
  agentKey(record.agent_private_key, 'the agent identity record');
  return { auth_mode: 'agentIdentity', OPENAI_API_KEY: null, agent_identity: record };
}
