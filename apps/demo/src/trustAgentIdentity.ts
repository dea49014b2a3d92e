import type { DemoAgentIdentity } from './demoAgentIdentity.js';
import { AGENT_IDENTITY_CONTROL_PATH } from './server/controlRoutes.js';
import { CONTROL_SECRET_HEADER } from './server/controlSecret.js';

/**
 * Tells the embedded server at `origin` to trust an identity the demo made: its runtime id, public
 * key and account id, through the control route that needs this run's control secret. The private
 * key stays with the caller.
 */
export async function trustAgentIdentity(
  origin: string,
  controlSecret: string,
  identity: Pick<DemoAgentIdentity, 'runtimeId' | 'publicKey' | 'accountId'>,
): Promise<void> {
  const response = await fetch(new URL(AGENT_IDENTITY_CONTROL_PATH, origin), {
    method: 'POST',
    headers: { [CONTROL_SECRET_HEADER]: controlSecret, 'content-type': 'application/json' },
    body: JSON.stringify({
      agent_runtime_id: identity.runtimeId,
      public_key: identity.publicKey,
      account_id: identity.accountId,
    }),
  });
  if (!response.ok)
    throw new Error(`the server refused to trust the agent identity (status ${response.status})`);
}
