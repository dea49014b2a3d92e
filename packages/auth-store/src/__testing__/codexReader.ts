/**
 * What Codex's deserializer demands of auth.json (codex-rs `login` crate, `AuthDotJson` with serde):
 * known `auth_mode` values, `OPENAI_API_KEY` string or null, `tokens.id_token` a decodable JWT (Codex
 * parses its claims), `last_refresh` RFC 3339, Bedrock `{api_key, region}` strings, `agent_identity` a
 * decodable JWT or a record. Returns problems.
 */
export function codexReadProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const modes = [
    'apikey',
    'chatgpt',
    'chatgptAuthTokens',
    'agentIdentity',
    'personalAccessToken',
    'bedrockApiKey',
  ];
  const str = (v: unknown): boolean => typeof v === 'string';
  if (doc.auth_mode !== undefined && !modes.includes(doc.auth_mode as string)) problems.push('auth_mode');
  if (doc.OPENAI_API_KEY !== undefined && doc.OPENAI_API_KEY !== null && !str(doc.OPENAI_API_KEY)) {
    problems.push('OPENAI_API_KEY');
  }
  const tokens = doc.tokens as Record<string, unknown> | null | undefined;
  if (tokens) {
    for (const field of ['id_token', 'access_token', 'refresh_token'])
      if (!str(tokens[field])) problems.push(field);
    const payload = String(tokens.id_token).split('.')[1] ?? '';
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!claims || typeof claims !== 'object') problems.push('id_token claims');
    } catch {
      problems.push('id_token is not a JWT');
    }
  }
  if (doc.last_refresh != null) {
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
    if (!rfc3339.test(String(doc.last_refresh))) problems.push('last_refresh');
  }
  const bedrock = doc.bedrock_api_key as Record<string, unknown> | null | undefined;
  if (bedrock && (!str(bedrock.api_key) || !str(bedrock.region))) problems.push('bedrock_api_key');
  if (doc.personal_access_token != null && !str(doc.personal_access_token))
    problems.push('personal_access_token');
  // Untagged: a JWT whose payload holds the claims, or the record itself.
  const identity = doc.agent_identity;
  if (identity != null) {
    let claims: unknown = identity;
    if (typeof identity === 'string') {
      const parts = identity.split('.');
      try {
        if (parts.length !== 3 || parts.some((p) => p === '')) throw new Error('shape');
        claims = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
      } catch {
        claims = null;
      }
    }
    const record = (claims && typeof claims === 'object' ? claims : {}) as Record<string, unknown>;
    for (const field of ['agent_runtime_id', 'agent_private_key'])
      if (!str(record[field])) problems.push(`agent_identity.${field}`);
  }
  return problems;
}
