import type { AuthManager } from '@x/auth-store';
import type { ModelProvider } from '@x/model-provider';
import { createDemoAgentIdentity } from './demoAgentIdentity.js';
import type { ProviderServer } from './server/providerServer.js';
import type { TourAsk } from './tourAsk.js';
import { trustAgentIdentity } from './trustAgentIdentity.js';

/**
 * The tour's Agent Identity rows. Twice: make an identity (a fresh Ed25519 key pair and a JWT
 * carrying its claims), tell the server its public key through the control route, log in with the
 * JWT and ask once through a provider with OpenAI auth. The client registers a task with the
 * server's authapi, then signs an `AgentAssertion` the server verifies. The server takes turns, so
 * the first identity's task id comes plain and the second's sealed to its key; a row passes only
 * when the server issued exactly one task of that kind for it.
 */
export async function tourAgentIdentity(
  server: ProviderServer,
  manager: AuthManager,
  provider: ModelProvider,
  ask: TourAsk,
): Promise<void> {
  const kinds = [
    { sent: 'plain', note: 'task id sent plain (task_id)' },
    { sent: 'encrypted', note: 'task id sent sealed to the agent key (encrypted_task_id)' },
  ] as const;
  for (const { sent, note } of kinds) {
    const identity = createDemoAgentIdentity();
    await trustAgentIdentity(server.origin, server.controlSecret(), identity);
    await manager.loginWithAgentIdentity(identity.jwt());
    const before = { ...server.stats.agentTasks };
    const row = await ask(provider, 'agent-identity', note);
    const plain = server.stats.agentTasks.plain - before.plain;
    const encrypted = server.stats.agentTasks.encrypted - before.encrypted;
    const expected = sent === 'plain' ? { plain: 1, encrypted: 0 } : { plain: 0, encrypted: 1 };
    if (plain !== expected.plain || encrypted !== expected.encrypted) {
      row.ok = false;
      row.note = `expected one ${sent} task id, the server issued ${plain} plain and ${encrypted} sealed`;
    }
  }
}
