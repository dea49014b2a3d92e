/** The credential kinds the server can verify. */
export type CredentialKind = 'api-key' | 'command-token' | 'bedrock-api-key' | 'sigv4' | 'agent-identity';

/** What the server concluded of a request's credential: its kind, or why it is refused. */
export type CredentialVerdict =
  | { ok: true; kind: CredentialKind }
  | { ok: false; status: 401 | 403; code: string; message: string };
