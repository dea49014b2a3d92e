import { type AwsCredentials, type ReceivedRequest, verifySigV4Request } from '@x/aws-auth';
import type { AgentIdentityDirectory } from './agentIdentity/agentIdentityDirectory.js';
import { checkAgentAssertion } from './agentIdentity/checkAgentAssertion.js';
import type { CredentialVerdict } from './credentialVerdict.js';
import type { TokenMinter } from './tokenMinter.js';

export interface CredentialPolicy {
  apiKeys: ReadonlySet<string>;
  bedrockApiKeys: ReadonlySet<string>;
  minter: TokenMinter;
  /** Trusted Agent Identities and the task ids issued to them. */
  agents: AgentIdentityDirectory;
  aws: { credentials: AwsCredentials; region: string; services: readonly string[] };
}

/** Verifies whatever credential a request carries; never echoes the credential back. */
export async function checkCredential(
  request: ReceivedRequest,
  policy: CredentialPolicy,
): Promise<CredentialVerdict> {
  const authorization = String(request.headers.authorization ?? '');
  if (authorization.startsWith('AWS4-HMAC-SHA256 ')) {
    const verdict = await verifySigV4Request(request, policy.aws);
    return verdict.ok
      ? { ok: true, kind: 'sigv4' }
      : { ok: false, status: 403, code: verdict.code, message: verdict.message };
  }
  const assertion = /^AgentAssertion (.+)$/.exec(authorization)?.[1];
  if (assertion) return checkAgentAssertion(assertion, request.headers, policy.agents);
  const bearer = /^Bearer (.+)$/.exec(authorization)?.[1];
  if (!bearer)
    return { ok: false, status: 401, code: 'missing_credentials', message: 'No credentials were sent.' };
  if (policy.apiKeys.has(bearer)) return { ok: true, kind: 'api-key' };
  if (policy.bedrockApiKeys.has(bearer)) return { ok: true, kind: 'bedrock-api-key' };
  const minted = policy.minter.check(bearer);
  if (minted === 'valid') return { ok: true, kind: 'command-token' };
  if (minted === 'expired')
    return { ok: false, status: 401, code: 'token_expired', message: 'The bearer token has expired.' };
  return { ok: false, status: 401, code: 'invalid_api_key', message: 'Incorrect API key provided.' };
}
