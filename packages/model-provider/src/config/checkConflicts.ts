import type { ModelProviderInfo } from './modelProviderInfo.js';

interface Conflict {
  field: 'auth' | 'aws';
  message: string;
}

const AUTH_EXCLUSIVE = ['env_key', 'experimental_bearer_token', 'requires_openai_auth'] as const;
const AWS_EXCLUSIVE = [
  'env_key',
  'experimental_bearer_token',
  'auth',
  'requires_openai_auth',
  'supports_websockets',
] as const;

function isSet(info: ModelProviderInfo, field: keyof ModelProviderInfo): boolean {
  const value = info[field];
  return typeof value === 'boolean' ? value : value !== undefined;
}

/** Codex's rules on fields that cannot be combined; the message names exactly the fields that are set. */
export function checkConflicts(info: ModelProviderInfo): Conflict | undefined {
  if (info.aws !== undefined) {
    const set = AWS_EXCLUSIVE.filter((field) => isSet(info, field));
    if (set.length > 0)
      return { field: 'aws', message: `provider aws cannot be combined with ${set.join(', ')}` };
  }
  if (info.auth !== undefined) {
    const set = AUTH_EXCLUSIVE.filter((field) => isSet(info, field));
    if (set.length > 0)
      return { field: 'auth', message: `provider auth cannot be combined with ${set.join(', ')}` };
  }
  return undefined;
}
