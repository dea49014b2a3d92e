import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type SecretServiceHandle,
  secretTool,
  sendJson,
  startLoopbackServer,
  startSecretService,
  tempDir,
} from '@x/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codexKeyringAccount } from '../__testing__/codexKeyringAccount.js';
import { closeAfterTest } from '../__testing__/trackedServers.js';
import { openCodexHome } from './openCodexHome.js';

let secretService: SecretServiceHandle;
beforeAll(async () => {
  secretService = await startSecretService();
  // The keyring binding reaches the Secret Service through this process's session bus variable.
  process.env.DBUS_SESSION_BUS_ADDRESS = secretService.env.DBUS_SESSION_BUS_ADDRESS;
});
afterAll(async () => {
  await secretService?.stop();
});

/** A config.toml as a Codex user has it: profiles, the keyring store and many keys only Codex reads. */
const codexConfig = (baseUrl: string): string => `model = "gpt-5-codex"
model_provider = "openai"
profile = "work"
cli_auth_credentials_store = "keyring"
approval_policy = "on-request"
sandbox_mode = "workspace-write"
model_reasoning_effort = "high"
model_reasoning_summary = "detailed"
model_verbosity = "low"
hide_agent_reasoning = true
show_raw_agent_reasoning = false
disable_response_storage = true
file_opener = "vscode"
notify = ["notify-send", "Codex"]
chatgpt_base_url = "https://chatgpt.com/backend-api/"

[sandbox_workspace_write]
network_access = false

[history]
persistence = "save-all"

[shell_environment_policy]
inherit = "core"

[tui]
notifications = true

[mcp_servers.docs]
command = "npx"
args = ["-y", "docs-mcp"]
env = { "DOCS_TOKEN" = "not-ours" }

[projects."/home/user/src/app"]
trust_level = "trusted"

[profiles.work]
model = "corp-large"
model_provider = "corp"
approval_policy = "never"

[profiles.fast]
model = "gpt-5-mini"

[model_providers.corp]
name = "Corp gateway"
base_url = "${baseUrl}"
requires_openai_auth = true
`;

describe('openCodexHome on a real Secret Service', () => {
  it("loads a Codex home unchanged: the profile's provider and model, and the login Codex keeps in the keyring", async () => {
    const server = closeAfterTest(
      await startLoopbackServer((_request, response) =>
        sendJson(response, 200, { object: 'list', data: [] }),
      ),
    );
    const home = join(await tempDir(), 'codex-home');
    await mkdir(home, { mode: 0o700 });
    await writeFile(join(home, 'config.toml'), codexConfig(server.url));
    // The entry exactly as Codex writes it: service "Codex Auth", the whole auth.json as the value.
    const authJson = JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-from-codex-keyring-0001' });
    secretTool(
      secretService,
      ['store', '--label=Codex Auth', 'service', 'Codex Auth', 'username', await codexKeyringAccount(home)],
      authJson,
    );

    const opened = await openCodexHome({ env: { CODEX_HOME: home } });
    expect(opened).toMatchObject({ providerId: 'corp', model: 'corp-large' });
    expect(opened.config.profile).toBe('work');
    expect(opened.authManager.storeMode).toBe('keyring');
    expect(await opened.authManager.status()).toMatchObject({ mode: 'apikey' });

    const provider = opened.registry.get(opened.providerId);
    expect((await provider.fetch(`${provider.baseUrl}/models`)).status).toBe(200);
    expect(server.received.at(-1)?.headers.authorization).toBe('Bearer sk-from-codex-keyring-0001');
    await expect(access(join(home, 'auth.json'))).rejects.toMatchObject({ code: 'ENOENT' });

    // Another profile, chosen by the caller, keeps the top-level provider.
    const fast = await openCodexHome({ home, profile: 'fast', env: {} });
    expect(fast).toMatchObject({ providerId: 'openai', model: 'gpt-5-mini' });
  });
});
