import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/** An Agent Identity the demo made: its public parts, and the JWT (which carries the private key). */
export interface DemoAgentIdentity {
  runtimeId: string;
  accountId: string;
  email: string;
  planType: string;
  /** Standard base64 of the Ed25519 public key in SPKI DER: all the server is told. */
  publicKey: string;
  /**
   * The JWT to log in with. Its payload holds the private key, so it is a function: the value never
   * shows when the identity is inspected or serialized.
   */
  jwt(): string;
}

/** The identity's claims besides its key; any may be chosen, the rest are demo values. */
export interface DemoAgentClaims {
  agent_runtime_id: string;
  account_id: string;
  chatgpt_user_id: string;
  email: string;
  plan_type: string;
  chatgpt_account_is_fedramp: boolean;
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A fresh Agent Identity as a ChatGPT workspace would hand one to an agent: a new Ed25519 key pair
 * and a JWT whose payload carries the identity's claims (`agent_runtime_id`, `agent_private_key` as
 * standard base64 of PKCS#8 DER, account, user, email, plan, FedRAMP flag). The JWT is signed with
 * the agent's own key; clients decode only the payload, as Codex does without trusted signing keys.
 */
export function createDemoAgentIdentity(overrides: Partial<DemoAgentClaims> = {}): DemoAgentIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const claims: DemoAgentClaims = {
    agent_runtime_id: `agent-runtime-${randomBytes(6).toString('hex')}`,
    account_id: 'ws-xdemo',
    chatgpt_user_id: 'user-xdemo',
    email: 'agent@xdemo.example',
    plan_type: 'business',
    chatgpt_account_is_fedramp: false,
    ...overrides,
  };
  const header = base64url({ alg: 'EdDSA', typ: 'JWT' });
  const payload = base64url({
    ...claims,
    agent_private_key: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  });
  const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
  const jwt = `${header}.${payload}.${signature}`;
  return {
    runtimeId: claims.agent_runtime_id,
    accountId: claims.account_id,
    email: claims.email,
    planType: claims.plan_type,
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    jwt: () => jwt,
  };
}
