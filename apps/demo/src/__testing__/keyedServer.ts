import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from '../demoAws.js';
import { type ProviderServer, startProviderServer } from '../server/providerServer.js';

/**
 * The embedded server as most tests use it: one API key of the test's own, and SigV4 with the demo's
 * static keys for `services` (Mantle by default).
 */
export function startKeyedServer(
  apiKey: string,
  services: readonly string[] = ['bedrock-mantle'],
): Promise<ProviderServer> {
  return startProviderServer({
    apiKeys: [apiKey],
    aws: { credentials: DEMO_AWS_CREDENTIALS, region: DEMO_AWS_REGION, services },
  });
}
