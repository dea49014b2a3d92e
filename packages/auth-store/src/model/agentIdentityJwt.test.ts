import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentJwt, agentRecord } from '../__testing__/agentIdentity.js';
import { tempHome } from '../__testing__/tempHome.js';
import { AuthStoreError, createAuthManager, decodeAgentIdentityJwt } from '../index.js';

const record = agentRecord({ task_id: undefined });
const b64 = (text: string): string => Buffer.from(text).toString('base64url');
const payloadOf = (claims: object): string => `${b64('{"alg":"none"}')}.${b64(JSON.stringify(claims))}.sig`;
const { agent_private_key: _key, ...withoutKey } = record;

describe('decodeAgentIdentityJwt', () => {
  it('decodes the claims of the payload without checking the signature', () => {
    const { task_id: _task, ...claims } = record;
    expect(decodeAgentIdentityJwt(agentJwt(record), 'test')).toEqual(claims);
  });

  it.each([
    ['two parts', 'abc.def', 'expected three non-empty parts'],
    ['an empty part', `x..y`, 'expected three non-empty parts'],
    ['a payload that is not base64url', `x.${record.agent_private_key}+/.y`, 'not base64url'],
    ['a payload that is not JSON', `x.${b64('{not json')}.y`, 'not JSON'],
    ['a payload that is not an object', `x.${b64('[1]')}.y`, 'not a JSON object'],
    ['a missing claim', payloadOf(withoutKey), 'the claim agent_private_key is missing'],
    ['a mistyped claim', payloadOf({ ...record, email: 5 }), 'the claims email have the wrong type'],
  ])('refuses %s with AGENT_IDENTITY_INVALID naming the problem, never the key', (_, token, problem) => {
    let caught: unknown;
    try {
      decodeAgentIdentityJwt(token, 'the variable X');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuthStoreError);
    const error = caught as AuthStoreError;
    expect(error.code).toBe('AGENT_IDENTITY_INVALID');
    expect(error.message).toContain('the variable X');
    expect(error.message).toContain(problem);
    expect(error.message).not.toContain(record.agent_private_key.slice(-20));
  });

  it('a malformed JWT in auth.json is reported with its problem and the file is not moved aside', async () => {
    const home = await tempHome();
    await mkdir(home, { recursive: true });
    const broken = payloadOf(withoutKey);
    await writeFile(
      join(home, 'auth.json'),
      JSON.stringify({ agent_identity: broken, auth_mode: 'agentIdentity' }),
    );
    const manager = createAuthManager({ home, env: {} });
    await expect(manager.status()).rejects.toMatchObject({
      code: 'AGENT_IDENTITY_INVALID',
      message: expect.stringContaining('agent_private_key is missing'),
    });
    await manager.loginWithApiKey('sk-replacing-0123456789');
    expect(await readdir(home)).not.toContainEqual(expect.stringContaining('corrupt'));
  });

  it('a login refuses a JWT or record whose key is not an Ed25519 PKCS#8 key', async () => {
    const manager = createAuthManager({ home: await tempHome(), env: {} });
    const rsaLike = Buffer.from('not a key at all, just bytes').toString('base64');
    for (const identity of [
      agentJwt({ ...record, agent_private_key: rsaLike }),
      { ...record, agent_private_key: 'a b!' },
    ]) {
      await expect(manager.loginWithAgentIdentity(identity)).rejects.toMatchObject({
        code: 'AGENT_IDENTITY_INVALID',
        message: expect.stringContaining('is not the base64 of an Ed25519 private key in PKCS#8 DER'),
      });
    }
    expect(await manager.auth()).toBeNull();
  });
});
