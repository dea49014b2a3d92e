import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthStoreError, parseAuthDotJson, resolveAuthMode, serializeAuthDotJson } from '../index.js';

const fixture = (name: string): Promise<string> =>
  readFile(join(import.meta.dirname, '__fixtures__', name), 'utf8');

describe('auth.json format', () => {
  it.each([
    ['codex-apikey.json', 'apikey'],
    ['codex-chatgpt.json', 'chatgpt'],
    ['codex-bedrock.json', 'bedrockApiKey'],
    ['codex-pat.json', 'personalAccessToken'],
    ['codex-agent-identity.json', 'agentIdentity'],
    ['codex-agent-identity-task.json', 'agentIdentity'],
    ['codex-agent-identity-jwt.json', 'agentIdentity'],
  ])('loads the Codex-written %s unchanged as %s', async (name, mode) => {
    const text = await fixture(name);
    const parsed = parseAuthDotJson(text, name);
    expect(resolveAuthMode(parsed)).toBe(mode);
    expect(JSON.parse(serializeAuthDotJson(parsed, true))).toEqual(JSON.parse(text));
  });

  it('infers the mode like Codex: PAT, then Bedrock key, then API key, else chatgpt', () => {
    const bedrock = { api_key: 'k', region: 'us-east-1' };
    expect(
      resolveAuthMode({ personal_access_token: 'p', bedrock_api_key: bedrock, OPENAI_API_KEY: 'k' }),
    ).toBe('personalAccessToken');
    expect(resolveAuthMode({ bedrock_api_key: bedrock, OPENAI_API_KEY: 'k' })).toBe('bedrockApiKey');
    expect(resolveAuthMode({ OPENAI_API_KEY: 'k' })).toBe('apikey');
    expect(resolveAuthMode({ OPENAI_API_KEY: null })).toBe('chatgpt');
    expect(resolveAuthMode({ auth_mode: 'apikey', personal_access_token: 'p' })).toBe('apikey');
  });

  it('keeps fields a newer Codex writes', () => {
    const parsed = parseAuthDotJson('{"OPENAI_API_KEY":"k","future_field":{"a":1}}', 'x');
    expect(JSON.parse(serializeAuthDotJson(parsed, false))).toEqual({
      OPENAI_API_KEY: 'k',
      future_field: { a: 1 },
    });
  });

  it('names the source and the bad fields, never the values', () => {
    const secret = 'sk-SHOULD-NOT-APPEAR-0000';
    const attempt = (): unknown =>
      parseAuthDotJson(JSON.stringify({ auth_mode: secret, tokens: { id_token: 5 } }), '/h/auth.json');
    expect(attempt).toThrow(AuthStoreError);
    try {
      attempt();
    } catch (error) {
      const e = error as AuthStoreError;
      expect(e.code).toBe('AUTH_FILE_CORRUPT');
      expect(e.message).toContain('/h/auth.json');
      expect(e.message).toContain('auth_mode');
      expect(e.message).toContain('tokens.id_token');
      expect(e.message).not.toContain(secret);
      expect(e.cause).toBeUndefined();
    }
    expect(() => parseAuthDotJson('{not json', '/h/auth.json')).toThrow(/\/h\/auth\.json is not valid JSON/);
  });
});
