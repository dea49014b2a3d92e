import { isHeaderValue } from '@x/auth-seam';
import { AuthStoreError } from '../errors.js';
import type { AuthDotJson } from './authDotJson.js';
import { idTokenInfo, jwtClaims } from './jwt.js';

/**
 * Returns `value`, or throws INVALID_CREDENTIAL_VALUE naming `where` (never the value) when an HTTP
 * header cannot carry it as it is: fetch would throw with a message quoting the whole header,
 * credential included.
 */
export function requireHeaderSafe(value: string, where: string): string {
  if (!isHeaderValue(value)) {
    throw new AuthStoreError(
      'INVALID_CREDENTIAL_VALUE',
      `${where} contains a character an HTTP header cannot carry (a control character such as CR, LF or NUL, or one above U+00FF), so it cannot be sent; log in again with a valid credential`,
    );
  }
  return value;
}

/**
 * Checks every stored value that ends up in a request header (bearer keys and tokens, the ChatGPT
 * account id, also as read from the id token, the Bedrock region of SigV4's credential scope).
 * `source` names the file or keyring entry.
 */
export function checkStoredValues(dot: AuthDotJson, source: string): void {
  const check = (value: string | null | undefined, field: string): void => {
    if (typeof value === 'string') requireHeaderSafe(value, `${source} field ${field}`);
  };
  check(dot.OPENAI_API_KEY, 'OPENAI_API_KEY');
  check(dot.personal_access_token, 'personal_access_token');
  check(dot.bedrock_api_key?.api_key, 'bedrock_api_key.api_key');
  check(dot.bedrock_api_key?.region, 'bedrock_api_key.region');
  check(dot.tokens?.access_token, 'tokens.access_token');
  check(dot.tokens?.account_id, 'tokens.account_id');
  if (dot.tokens)
    check(idTokenInfo(dot.tokens.id_token).accountId, 'tokens.id_token (chatgpt_account_id claim)');
  const identity = dot.agent_identity;
  if (identity && typeof identity === 'object') {
    check(identity.account_id, 'agent_identity.account_id');
    check(identity.agent_runtime_id, 'agent_identity.agent_runtime_id');
  } else if (typeof identity === 'string') {
    // A malformed JWT is reported, naming the problem, when the auth is built from it.
    const claims = jwtClaims(identity);
    check(
      typeof claims?.account_id === 'string' ? claims.account_id : null,
      'agent_identity (claim account_id)',
    );
    check(
      typeof claims?.agent_runtime_id === 'string' ? claims.agent_runtime_id : null,
      'agent_identity (claim agent_runtime_id)',
    );
  }
}
