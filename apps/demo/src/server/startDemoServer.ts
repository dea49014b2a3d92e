import { randomBytes } from 'node:crypto';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from '../demoAws.js';
import type { TaskIdMode } from './agentIdentity/agentIdentityDirectory.js';
import { type ProviderServer, startProviderServer } from './providerServer.js';

/**
 * The embedded server as `serve` and `tour` run it: a fresh random API key it accepts, and SigV4 with
 * the demo's static keys for both Bedrock signing services; Agent Identity task ids per `agentTaskIds`
 * (default: taking turns between plain and sealed).
 */
export async function startDemoServer(
  options: { port?: number; agentTaskIds?: TaskIdMode } = {},
): Promise<{ server: ProviderServer; apiKey: string }> {
  const apiKey = `sk-xdemo-${randomBytes(18).toString('base64url')}`;
  const server = await startProviderServer({
    apiKeys: [apiKey],
    aws: {
      credentials: DEMO_AWS_CREDENTIALS,
      region: DEMO_AWS_REGION,
      services: ['bedrock-mantle', 'bedrock'],
    },
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.agentTaskIds === undefined ? {} : { agentTaskIds: options.agentTaskIds }),
  });
  return { server, apiKey };
}
