import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuthManager } from '@x/auth-store';
import { createBedrockApiKey } from '@x/aws-auth';
import { createProviderRegistry, loadConfig } from '@x/model-provider';
import { askProvider } from './askProvider.js';
import { DEMO_AWS_CREDENTIALS, DEMO_AWS_REGION } from './demoAws.js';
import { writeDemoWorkspace } from './demoWorkspace.js';
import { describeError } from './errorReport.js';
import { CONTROL_SECRET_HEADER } from './server/controlSecret.js';
import { startDemoServer } from './server/startDemoServer.js';
import { tourAgentIdentity } from './tourAgentIdentity.js';
import type { TourAsk, TourRow } from './tourAsk.js';
import { tourCodexHome } from './tourCodexHome.js';

/**
 * What `npm run demo` shows: in a temporary home, the embedded server and one provider per auth path
 * (API key login, command-minted tokens with a forced expiry, Bedrock SigV4 with static keys over a
 * base_url override, Bedrock API key login, Agent Identity login with a plain and then a sealed task
 * id, and an API key login through a Codex-style home whose profile picks the provider and model),
 * each asked once through the official openai client.
 */
export async function runTour(log: (line: string) => void = console.log): Promise<TourRow[]> {
  const home = await mkdtemp(join(tmpdir(), 'xdemo-tour-'));
  const { server, apiKey } = await startDemoServer();
  try {
    const bedrockApiKey = await createBedrockApiKey({
      credentials: DEMO_AWS_CREDENTIALS,
      region: DEMO_AWS_REGION,
      expiresInSeconds: 3600,
    });
    server.addBedrockApiKey(bedrockApiKey);
    const workspace = await writeDemoWorkspace(home, server);
    log(`xdemo tour: server ${server.origin}, home ${home}`);

    // Only the demo's own files: no ambient AWS or OpenAI settings change what the tour shows.
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: home,
      ...workspace.awsEnv,
      CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL: server.agentAuthapiBaseUrl,
    };
    const sends = new Map<string, number>();
    const countingFetch: typeof fetch = (input, init) => {
      const key = new URL(input instanceof Request ? input.url : String(input)).pathname;
      sends.set(key, (sends.get(key) ?? 0) + 1);
      return fetch(input, init);
    };
    const manager = createAuthManager({ home, env });
    const registry = createProviderRegistry({
      config: await loadConfig({ file: workspace.configFile }),
      authManager: manager,
      env,
      fetch: countingFetch,
      retryBaseDelayMs: 50,
    });

    const rows: TourRow[] = [];
    const ask: TourAsk = async (provider, expected, note, via) => {
      sends.clear();
      const started = performance.now();
      const summary = (via?.registry ?? registry).list().find((p) => p.id === provider.id);
      const row: TourRow = {
        provider: provider.id,
        authMethod: summary?.authMethod ?? '?',
        expected,
        verifiedBy: null,
        retries: 0,
        latencyMs: 0,
        ok: false,
        ...(note ? { note } : {}),
      };
      try {
        const result = await askProvider(provider, {
          model: via?.model ?? 'demo-echo-1',
          prompt: `hello from ${provider.id}`,
        });
        row.verifiedBy = result.verifiedBy;
        row.ok = result.verifiedBy === expected && result.text.includes(`[verified: ${expected}]`);
      } catch (error) {
        row.note = describeError(error);
      }
      row.latencyMs = Math.round(performance.now() - started);
      row.retries = Math.max(0, [...sends.values()].reduce((a, b) => a + b, 0) - 1);
      rows.push(row);
      return row;
    };

    await manager.loginWithApiKey(apiKey);
    await ask(await registry.resolve('xdemo-apikey'), 'api-key');

    const command = await registry.resolve('xdemo-command');
    await ask(command, 'command-token', 'first token minted');
    const expire = await fetch(new URL('/demo/expire', server.origin), {
      method: 'POST',
      headers: { [CONTROL_SECRET_HEADER]: server.controlSecret() },
    });
    if (!expire.ok) log(`xdemo tour: the server refused to expire tokens (${expire.status})`);
    await ask(command, 'command-token', 'token expired by the server: 401, refresh, retry');

    await ask(await registry.resolve('amazon-bedrock'), 'sigv4');

    await manager.loginWithBedrockApiKey({ apiKey: bedrockApiKey, region: DEMO_AWS_REGION });
    await ask(await registry.resolve('amazon-bedrock-runtime'), 'bedrock-api-key');

    await tourAgentIdentity(server, manager, await registry.resolve('xdemo-agent'), ask);

    await tourCodexHome(home, {
      openaiBaseUrl: server.openaiBaseUrl,
      apiKey,
      env,
      registryOptions: { fetch: countingFetch, retryBaseDelayMs: 50 },
      ask,
    });
    return rows;
  } finally {
    await server.close();
    await rm(home, { recursive: true, force: true });
  }
}
