import { join } from 'node:path';
import { createDemoAgentIdentity } from './demoAgentIdentity.js';
import type { ProviderServer } from './server/providerServer.js';
import { writeNewFile } from './writeNewFile.js';

/**
 * For `serve`: a fresh Agent Identity the server trusts, its JWT written to
 * `<home>/bin/agent-identity.jwt` (mode 0600) for `xdemo login --agent-identity` to read from stdin.
 * Only the file's path is ever printed.
 */
export async function serveAgentIdentity(home: string, server: ProviderServer): Promise<string> {
  const identity = createDemoAgentIdentity();
  server.agents.trust(identity);
  const file = join(home, 'bin', 'agent-identity.jwt');
  await writeNewFile(file, `${identity.jwt()}\n`, 0o600);
  return file;
}
