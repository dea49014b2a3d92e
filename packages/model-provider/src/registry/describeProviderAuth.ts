import type { AuthSource } from '@x/auth-seam';
import type { AuthMethod } from '../auth/authMethod.js';

/** What `provider.describeAuth()` answers: the provider, its method and its source's description. */
export async function describeProviderAuth(
  provider: string,
  method: AuthMethod,
  auth: AuthSource | undefined,
): Promise<Record<string, unknown>> {
  return { provider, method, ...(auth ? await auth.describe() : {}) };
}
