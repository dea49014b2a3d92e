import { createOpenAI } from '@ai-sdk/openai';
import { PLACEHOLDER_API_KEY } from '@x/auth-seam';
import type { LoopbackServer } from '@x/test-kit';
import { generateText } from 'ai';
import OpenAI, { APIConnectionError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMantle } from '../__testing__/fakeMantle.js';
import { tempAws } from '../__testing__/tempAws.js';
import { bedrockOpenAIOptions } from './bedrockOpenAIOptions.js';

const keys = { accessKeyId: 'AKIDOPENAIOPTIONS', secretAccessKey: 'openai-options-secret' };
const region = 'us-west-2';
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Where the fake Mantle listens, as `baseURL` with the endpoint kind it stands in for. */
async function mantle(options: Parameters<typeof startFakeMantle>[0] = { region, keys }) {
  server = await startFakeMantle(options);
  return { baseURL: `${server.origin}/openai/v1`, endpoint: 'mantle' as const, env: {} };
}

describe('bedrockOpenAIOptions with the official openai client', () => {
  it('one line with static keys: every request is SigV4-signed, the placeholder never sent', async () => {
    const client = new OpenAI(
      bedrockOpenAIOptions({
        region,
        ...(await mantle()),
        accessKeyId: keys.accessKeyId,
        secretAccessKey: keys.secretAccessKey,
      }),
    );
    const response = await client.responses.create({ model: 'openai.gpt-oss-120b', input: 'hello' });
    expect(response.output_text).toBe('sigv4:bedrock-mantle: hello');
    const [received] = server?.received ?? [];
    expect(received?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDOPENAIOPTIONS\//);
    expect(JSON.stringify(received?.headers)).not.toContain(PLACEHOLDER_API_KEY);
  });

  it('one line with a Bedrock API key: the server checks the bearer', async () => {
    const options = await mantle({ region, bearers: ['ABSKtest-openai-options'] });
    const client = new OpenAI(
      bedrockOpenAIOptions({ region, ...options, apiKey: 'ABSKtest-openai-options' }),
    );
    const chat = await client.chat.completions.create({
      model: 'openai.gpt-oss-120b',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(chat.choices[0]?.message.content).toBe('bearer: [{"role":"user","content":"hi"}]');
    expect(server?.received[0]?.headers.authorization).toBe('Bearer ABSKtest-openai-options');
  });

  it('refuses a caller Authorization (a real key given to the client), saying why; nothing is sent', async () => {
    const options = bedrockOpenAIOptions({ region, ...(await mantle()), credentials: keys });
    const client = new OpenAI({ ...options, apiKey: 'sk-meant-for-openai' });
    const error = await client.models.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    expect(cause?.code).toBe('AUTHORIZATION_HEADER_PRESENT');
    expect(cause?.message).toMatch(/adds the Bedrock credential .* bedrockOpenAIOptions\(\)/);
    expect(cause?.message).not.toContain('sk-meant-for-openai');
    expect(server?.received).toHaveLength(0);
  });
});

describe('bedrockOpenAIOptions with @ai-sdk/openai', () => {
  it('createOpenAI({ baseURL, apiKey, fetch }) signs the Responses and Chat requests', async () => {
    const openai = createOpenAI(bedrockOpenAIOptions({ region, ...(await mantle()), credentials: keys }));
    const viaResponses = await generateText({
      model: openai('openai.gpt-oss-120b'),
      prompt: 'hey',
      maxRetries: 0,
    });
    expect(viaResponses.text).toMatch(/^sigv4:bedrock-mantle: /);
    const viaChat = await generateText({
      model: openai.chat('openai.gpt-oss-120b'),
      prompt: 'hey',
      maxRetries: 0,
    });
    expect(viaChat.text).toMatch(/^sigv4:bedrock-mantle: /);
    expect(server?.received.map((r) => r.headers.authorization?.slice(0, 16))).toEqual([
      'AWS4-HMAC-SHA256',
      'AWS4-HMAC-SHA256',
    ]);
  });
});

describe('option names: openai-node bedrock(), legacy BedrockOpenAI, ours', () => {
  it('accepts the legacy names awsRegion, awsCredentialProvider and bedrockTokenProvider', async () => {
    const options = await mantle({ region, keys, bearers: ['from-token-provider'] });
    const signed = new OpenAI(
      bedrockOpenAIOptions({ ...options, awsRegion: region, awsCredentialProvider: async () => keys }),
    );
    expect((await signed.responses.create({ model: 'm', input: 'a' })).output_text).toBe(
      'sigv4:bedrock-mantle: a',
    );
    const bearer = new OpenAI(
      bedrockOpenAIOptions({
        ...options,
        awsRegion: region,
        bedrockTokenProvider: async () => 'from-token-provider',
      }),
    );
    expect((await bearer.responses.create({ model: 'm', input: 'b' })).output_text).toBe('bearer: b');
  });

  it('accepts awsProfile and credentialProvider, and the same value under two names', () => {
    const aws = tempAws({
      credentials: `[demo]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = x\n`,
    });
    try {
      const base = { baseURL: 'https://bedrock-mantle.us-west-2.api.aws/openai/v1', env: aws.env };
      const profiled = bedrockOpenAIOptions({ ...base, awsProfile: 'demo', profile: 'demo' });
      expect(profiled.fetch.auth.describe()).toMatchObject({ auth: 'sigv4', region, endpoint: 'mantle' });
      expect(profiled.fetch.auth.describe().source).toContain('demo');
      const provided = bedrockOpenAIOptions({ ...base, credentialProvider: async () => keys });
      expect(provided.fetch.auth.describe().auth).toBe('sigv4');
      expect(provided).toMatchObject({ baseURL: base.baseURL, apiKey: PLACEHOLDER_API_KEY, maxRetries: 0 });
    } finally {
      aws.cleanup();
    }
  });

  it('reads AWS_BEDROCK_BASE_URL unless baseURL is null, as openai-node does', () => {
    const env = { AWS_REGION: region, AWS_BEDROCK_BASE_URL: 'https://bedrock-mantle.us-west-2.api.aws/v1' };
    expect(bedrockOpenAIOptions({ env, credentials: keys }).baseURL).toBe(env.AWS_BEDROCK_BASE_URL);
    expect(bedrockOpenAIOptions({ env, credentials: keys, baseURL: null }).baseURL).toBe(
      'https://bedrock-mantle.us-west-2.api.aws/openai/v1',
    );
  });

  it('throws CONFLICTING_OPTIONS for two names that disagree or two ways to authenticate', () => {
    const env = { AWS_REGION: region };
    const conflicts: Array<[Parameters<typeof bedrockOpenAIOptions>[0], RegExp]> = [
      [
        { env, region, awsRegion: 'us-east-1', credentials: keys },
        /^region and awsRegion name the same setting/,
      ],
      [{ env, apiKey: 'ABSKkey', accessKeyId: 'AKID', secretAccessKey: 's' }, /not apiKey and accessKeyId$/],
      [
        { env, tokenProvider: async () => 'a', bedrockTokenProvider: async () => 'b' },
        /tokenProvider and bedrockTokenProvider/,
      ],
      [
        { env, awsProfile: 'p', awsCredentialProvider: async () => keys },
        /not awsProfile and awsCredentialProvider$/,
      ],
      [{ env, credentials: keys, accessKeyId: 'AKID', secretAccessKey: 's' }, /credentials and accessKeyId/],
      [
        { env, baseURL: 'https://a.example', baseUrl: 'https://b.example', credentials: keys },
        /baseURL and baseUrl/,
      ],
    ];
    for (const [options, message] of conflicts) {
      expect(() => bedrockOpenAIOptions(options)).toThrow(
        expect.objectContaining({ code: 'CONFLICTING_OPTIONS', message: expect.stringMatching(message) }),
      );
    }
    expect(() => bedrockOpenAIOptions({ env, accessKeyId: 'AKID' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    // apiKey: null only turns the environment's key off; it is no way to authenticate of its own.
    expect(bedrockOpenAIOptions({ env, apiKey: null, credentials: keys }).fetch.auth.describe().auth).toBe(
      'sigv4',
    );
  });
});
