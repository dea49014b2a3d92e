import { createPrivateKey } from 'node:crypto';
import { renderings } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { agentJwt, agentRecord } from './__testing__/agentIdentity.js';
import { startAuthapiServer } from './__testing__/authapiServer.js';
import { tempHome } from './__testing__/tempHome.js';
import { createAuthManager, createOpenAiAuthSource } from './index.js';

describe('canary: an Agent Identity key never leaks', () => {
  it('the private key (any encoding) and the JWT appear in no error, warning, status, inspect or JSON', async () => {
    const record = agentRecord();
    const jwt = agentJwt(record);
    const seed = Buffer.from(
      String(
        createPrivateKey({
          key: Buffer.from(record.agent_private_key, 'base64'),
          format: 'der',
          type: 'pkcs8',
        }).export({
          format: 'jwk',
        }).d,
      ),
      'base64url',
    );
    const secrets = [
      record.agent_private_key,
      record.agent_private_key.slice(-24),
      jwt,
      jwt.split('.')[1] as string,
      seed.toString('base64'),
      seed.toString('base64url'),
      seed.toString('hex'),
    ];
    const seen: string[] = [];
    const note = (value: unknown): void => {
      seen.push(...renderings(value));
    };
    const attempt = async (fn: () => Promise<unknown>): Promise<void> => {
      await fn().then(note, note);
    };
    const server = await startAuthapiServer();
    try {
      server.trust(record.agent_runtime_id, record.agent_private_key);
      const home = await tempHome();
      const env = { CODEX_AGENT_IDENTITY_AUTHAPI_BASE_URL: server.url, CODEX_AGENT_IDENTITY: jwt };
      const manager = createAuthManager({ home, env, onWarning: note });
      const fromEnv = createAuthManager({ home, env, onWarning: note, enableCodexAgentIdentityEnv: true });
      const sources = [createOpenAiAuthSource(manager), createOpenAiAuthSource(fromEnv)];
      const echo = JSON.stringify({ key: record.agent_private_key, jwt, seed: seed.toString('hex') });
      const request = { method: 'GET', url: server.url, headers: {} };
      for (const login of [
        () => manager.loginWithAgentIdentity(jwt),
        () => manager.loginWithAgentIdentity(record),
      ]) {
        await attempt(login);
        for (const failure of [400, 401, 500]) {
          for (const source of sources) {
            server.failNext.push(...Array.from({ length: 5 }, () => ({ status: failure, body: echo })));
            await attempt(() => source.authorize(request));
            server.failNext.length = 0;
          }
        }
        // An encrypted task id that does not open with this identity's key.
        server.sendAs = 'encrypted_task_id';
        server.failNext.push({ status: 200, body: JSON.stringify({ encrypted_task_id: 'A'.repeat(80) }) });
        await attempt(() => manager.agentTask());
        server.sendAs = 'task_id';
        for (const source of sources) {
          await attempt(() => source.authorize(request).then((signed) => signed.url));
          await attempt(() => source.recover({ status: 401, headers: {} }));
          note(source.describe());
        }
        for (const m of [manager, fromEnv]) {
          await attempt(() => m.auth());
          await attempt(() => m.status());
          note(m);
        }
      }
      await attempt(() =>
        manager.loginWithAgentIdentity({ ...record, agent_private_key: `${record.agent_private_key}!` }),
      );
      await attempt(() => manager.loginWithAgentIdentity(`${jwt}.extra`));
    } finally {
      await server.close();
    }
    expect(seen.length).toBeGreaterThan(40);
    expect(seen.join('\n')).toContain('AGENT_TASK_FAILED');
    expect(seen.join('\n')).toContain('AGENT_TASK_DECRYPT_FAILED');
    expect(seen.filter((entry) => secrets.some((secret) => entry.includes(secret)))).toEqual([]);
  });
});
