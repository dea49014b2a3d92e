import { generateKeyPairSync } from 'node:crypto';
import type { AgentIdentityRecord } from '../index.js';
import { fakeJwt } from './fakeTokens.js';

/** A fresh Ed25519 key as Codex stores it: standard base64 of PKCS#8 DER. */
export function agentPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/** A complete Agent Identity record with a fresh key; `overrides` replace any field. */
export function agentRecord(overrides: Partial<AgentIdentityRecord> = {}): AgentIdentityRecord {
  return {
    agent_runtime_id: `runtime-${Math.random().toString(36).slice(2, 10)}`,
    agent_private_key: agentPrivateKey(),
    account_id: 'ws-agent',
    chatgpt_user_id: 'user-agent',
    email: 'agent@example.com',
    plan_type: 'business',
    chatgpt_account_is_fedramp: false,
    ...overrides,
  };
}

/** The record's claims as an (unsigned) Agent Identity JWT, `task_id` left out as Codex does. */
export function agentJwt(record: AgentIdentityRecord): string {
  const { task_id: _taskId, ...claims } = record;
  return fakeJwt(claims);
}
