import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentJwt, agentRecord } from '../__testing__/agentIdentity.js';
import { codexReadProblems } from '../__testing__/codexReader.js';
import { accessToken, idToken } from '../__testing__/fakeTokens.js';
import { tempHome } from '../__testing__/tempHome.js';
import { createAuthManager, createAuthStore } from '../index.js';

const fixtures = [
  'codex-apikey.json',
  'codex-chatgpt.json',
  'codex-bedrock.json',
  'codex-pat.json',
  'codex-agent-identity.json',
  'codex-agent-identity-task.json',
  'codex-agent-identity-jwt.json',
];
const readJson = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path, 'utf8'));

describe('Codex compatibility', () => {
  it.each(fixtures)(
    'a Codex-written %s loads through the manager and is written back unchanged',
    async (name) => {
      const fixture = await readJson(join(import.meta.dirname, '__fixtures__', name));
      expect(codexReadProblems(fixture)).toEqual([]);
      const home = await tempHome();
      await mkdir(home, { recursive: true });
      await writeFile(join(home, 'auth.json'), JSON.stringify(fixture), { mode: 0o600 });
      const manager = createAuthManager({ home, env: {} });
      expect(await manager.auth()).not.toBeNull();
      const store = createAuthStore({ home });
      const loaded = await store.load();
      if (!loaded) throw new Error('fixture did not load');
      await store.save(loaded);
      expect(await readJson(join(home, 'auth.json'))).toEqual(fixture);
    },
  );

  it('every login we write satisfies what Codex reads', async () => {
    const home = await tempHome();
    const manager = createAuthManager({ home, env: {} });
    const logins = [
      () => manager.loginWithApiKey('sk-compat-0123456789'),
      () => manager.loginWithBedrockApiKey({ apiKey: 'bedrock-compat-0123', region: 'ap-southeast-2' }),
      () => manager.loginWithPersonalAccessToken('pat-compat-0123456789'),
      () =>
        manager.loginWithChatgptTokens({
          idToken: idToken(),
          accessToken: accessToken(3600),
          refreshToken: 'rt-c',
        }),
      () => manager.loginWithAgentIdentity(agentRecord()),
      () => manager.loginWithAgentIdentity(agentJwt(agentRecord())),
    ];
    for (const login of logins) {
      await login();
      const written = await readJson(join(home, 'auth.json'));
      expect(codexReadProblems(written)).toEqual([]);
      expect(written).toHaveProperty('OPENAI_API_KEY');
      expect(written).toHaveProperty('auth_mode');
    }
  });

  it('an agent_identity JWT is an Agent Identity, not a corrupt file: status reads its claims, login keeps no copy', async () => {
    const fixture = await readJson(
      join(import.meta.dirname, '__fixtures__', 'codex-agent-identity-jwt.json'),
    );
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    await writeFile(join(home, 'auth.json'), JSON.stringify(fixture), { mode: 0o600 });
    const warnings: unknown[] = [];
    const manager = createAuthManager({ home, env: {}, onWarning: (w) => warnings.push(w) });
    expect(await manager.status()).toEqual({
      loggedIn: true,
      mode: 'agentIdentity',
      storeMode: 'file',
      maskedKey: null,
      email: null,
      planType: 'business',
      accountId: 'ws-fixture-0001',
      region: null,
    });
    expect(await manager.auth()).toMatchObject({ mode: 'agentIdentity', fedramp: true });
    await manager.loginWithApiKey('sk-after-agent-0123456789');
    expect(await manager.logout()).toBe(true);
    expect(warnings).toEqual([]);
    expect(await readdir(home)).not.toContainEqual(expect.stringContaining('corrupt'));
  });
});
