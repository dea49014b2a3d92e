import type { AuthMethod } from '../auth/authMethod.js';
import type { AuthSource } from '../pipeline/authSource.js';

/** What `provider.describeAuth()` answers: the provider, its method and its source's description. */
export async function describeProviderAuth(
  provider: string,
  method: AuthMethod,
  auth: AuthSource | undefined,
): Promise<Record<string, unknown>> {
  return { provider, method, ...(auth ? await describeOf(auth) : {}) };
}

async function describeOf(auth: AuthSource): Promise<Record<string, unknown>> {
  const described = (auth as { describeAsync?: () => Promise<object> }).describeAsync;
  return { ...(described ? await described() : auth.describe()) };
}
