import { createPublicKey, type KeyObject, randomUUID } from 'node:crypto';
import { x25519PublicKeyOf } from './x25519PublicKeyOf.js';

/** How the server hands out task ids: always plain, always sealed, or taking turns (plain first). */
export type TaskIdMode = 'plain' | 'encrypted' | 'alternate';

export const TASK_ID_MODES: readonly TaskIdMode[] = ['plain', 'encrypted', 'alternate'];

/** An Agent Identity the server was told about: public parts only. */
export interface TrustedAgentIdentity {
  runtimeId: string;
  publicKey: KeyObject;
  /** Where sealed task ids are sent. */
  x25519PublicKey: Uint8Array;
  /** The `chatgpt-account-id` its requests must carry, when the server was told one. */
  accountId: string | null;
}

/** What the demo tooling tells the server about an identity it made. */
export interface AgentIdentityGrant {
  runtimeId: string;
  /** Standard base64 of the Ed25519 public key in SPKI DER. */
  publicKey: string;
  accountId?: string;
}

/**
 * The Agent Identities the server trusts (runtime id to public key, learned from the demo tooling
 * that made them) and the task ids it issued to each. No private key ever reaches it.
 */
export class AgentIdentityDirectory {
  readonly #identities = new Map<string, TrustedAgentIdentity>();
  readonly #tasks = new Map<string, string>();
  /** Task ids issued, by how they were sent. */
  readonly issued = { plain: 0, encrypted: 0 };

  constructor(readonly taskIdMode: TaskIdMode = 'alternate') {}

  /** Trusts an identity from now on; throws a TypeError when the key is not an Ed25519 SPKI key. */
  trust(grant: AgentIdentityGrant): TrustedAgentIdentity {
    const publicKey = createPublicKey({
      key: Buffer.from(grant.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('public_key is not an Ed25519 key');
    const identity: TrustedAgentIdentity = {
      runtimeId: grant.runtimeId,
      publicKey,
      x25519PublicKey: x25519PublicKeyOf(publicKey),
      accountId: grant.accountId ?? null,
    };
    this.#identities.set(grant.runtimeId, identity);
    return identity;
  }

  identity(runtimeId: string): TrustedAgentIdentity | undefined {
    return this.#identities.get(runtimeId);
  }

  /** A new task id for `runtimeId`, and whether to send it sealed (per the mode). */
  issue(runtimeId: string): { taskId: string; encrypted: boolean } {
    const taskId = `task-${randomUUID()}`;
    this.#tasks.set(taskId, runtimeId);
    const encrypted =
      this.taskIdMode === 'encrypted' ||
      (this.taskIdMode === 'alternate' && (this.issued.plain + this.issued.encrypted) % 2 === 1);
    this.issued[encrypted ? 'encrypted' : 'plain']++;
    return { taskId, encrypted };
  }

  /** True when `taskId` was issued by this server to `runtimeId`. */
  issuedTo(taskId: string, runtimeId: string): boolean {
    return this.#tasks.get(taskId) === runtimeId;
  }
}
