// Credential values that an HTTP header cannot carry are refused where they are read, naming where
// they came from and never the value; fetch is never reached with them.

import { rejectionOf, startLoopbackServer } from '@x/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { type TempAws, tempAws } from '../__testing__/tempAws.js';
import { createBedrockAuth } from '../bedrock/bedrockAuth.js';
import { createBedrockFetch } from '../bedrock/bedrockFetch.js';
import { AwsAuthError } from '../errors.js';
import { signRequest } from '../sigv4/signRequest.js';
import { fromEnv } from './fromEnv.js';
import { fromProfile } from './fromProfile.js';

const env = { AWS_REGION: 'us-east-1' };
const MANTLE = 'https://bedrock-mantle.us-east-1.api.aws/openai/v1';
const request = { method: 'POST', url: `${MANTLE}/responses`, headers: {}, body: '{}' };
const VALUE = 'value-under-test-7Q2';
// Each holds a byte (or character) that a header value cannot carry, inside the value.
const hostile = [
  `${VALUE}\r\nx-injected: 1`,
  `${VALUE}\nX`,
  `${VALUE}\0X`,
  `${VALUE}\x7fX`,
  `${VALUE}\x1bX`,
  `${VALUE} X`,
  `${VALUE}\u2026`,
  `${VALUE}\u00e9`,
];

async function refusal(run: () => unknown): Promise<AwsAuthError> {
  const e = await rejectionOf((async () => run())(), AwsAuthError);
  expect(e.code).toBe('INVALID_CREDENTIAL_VALUE');
  expect(e.message).not.toContain(VALUE);
  expect(e.cause).toBeUndefined();
  return e;
}

let temp: TempAws | undefined;
afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

describe('credential values are checked for header safety where they are read', () => {
  it('the apiKey option and AWS_BEARER_TOKEN_BEDROCK, at createBedrockAuth', async () => {
    for (const value of hostile) {
      const option = await refusal(() => createBedrockAuth({ env, apiKey: value }));
      expect(option.message).toMatch(/^apiKey option contains /);
      const variable = await refusal(() =>
        createBedrockAuth({ env: { ...env, AWS_BEARER_TOKEN_BEDROCK: value } }),
      );
      expect(variable.message).toMatch(/^AWS_BEARER_TOKEN_BEDROCK contains /);
    }
    const messages = await Promise.all(
      [`${VALUE}\rX`, `${VALUE} X`, `${VALUE}\u2026`].map(async (value) => {
        return (await refusal(() => createBedrockAuth({ env, apiKey: value }))).message;
      }),
    );
    expect(messages).toEqual([
      'apiKey option contains a control character (such as CR, LF or NUL), which an HTTP header cannot carry',
      'apiKey option contains a space, which an HTTP header cannot carry',
      'apiKey option contains a non-ASCII character, which an HTTP header cannot carry',
    ]);
  });

  it("a token provider's answer, on every authorize", async () => {
    for (const value of hostile) {
      const auth = createBedrockAuth({ env, tokenProvider: async () => value });
      const error = await refusal(() => auth.authorize(request));
      expect(error.message).toMatch(/^the token from the tokenProvider option contains /);
    }
  });

  it('access key ids and session tokens from the options, a provider, the environment and signRequest', async () => {
    for (const value of hostile) {
      const keys = { accessKeyId: 'AKIDVALUES', secretAccessKey: 'secret' };
      const fromOption = await refusal(() =>
        createBedrockAuth({ env, credentials: { ...keys, sessionToken: value } }),
      );
      expect(fromOption.message).toMatch(/^static credentials: credentials field "sessionToken" contains /);
      const provided = createBedrockAuth({
        env,
        credentialsProvider: async () => ({ ...keys, accessKeyId: value }),
      });
      expect((await refusal(() => provided.authorize(request))).message).toMatch(
        /^credentials provider: credentials field "accessKeyId" contains /,
      );
      const variables = { AWS_ACCESS_KEY_ID: 'AKIDVALUES', AWS_SECRET_ACCESS_KEY: 'secret' };
      const token = await refusal(() => fromEnv({ env: { ...variables, AWS_SESSION_TOKEN: value } })());
      expect(token.message).toMatch(/^AWS_SESSION_TOKEN contains /);
      const key = await refusal(() => fromEnv({ env: { ...variables, AWS_ACCESS_KEY_ID: value } })());
      expect(key.message).toMatch(/^AWS_ACCESS_KEY_ID contains /);
      const signed = await refusal(() =>
        signRequest(request, {
          region: 'us-east-1',
          service: 'bedrock',
          credentials: { ...keys, sessionToken: value },
        }),
      );
      expect(signed.message).toMatch(/^options\.credentials: credentials field "sessionToken" contains /);
    }
  });

  it('a session token a credential_process of a profile prints, naming the profile (real files, real process)', async () => {
    const script = `process.stdout.write(JSON.stringify({Version:1,AccessKeyId:'AKIDPROCESS',SecretAccessKey:'s',SessionToken:${JSON.stringify(`${VALUE}\r\nX`)}}))`;
    temp = tempAws({
      config: `[profile dev]\ncredential_process = ${process.execPath} -e "${script.replace(/"/g, '\\"')}"\n`,
    });
    const error = await refusal(() => fromProfile({ profile: 'dev', env: temp?.env ?? {} })());
    expect(error.message).toMatch(
      /^profile "dev": credentials field "sessionToken" contains a control character/,
    );
  });

  it('createBedrockFetch refuses once, without retrying and without sending anything', async () => {
    const server = await startLoopbackServer((_req, res) => res.end('{}'));
    try {
      let calls = 0;
      const bedrockFetch = createBedrockFetch({
        env,
        baseUrl: server.origin,
        endpoint: 'mantle',
        tokenProvider: () => {
          calls += 1;
          return `${VALUE}\r\nX`;
        },
      });
      await refusal(() => bedrockFetch(`${server.origin}/responses`, { method: 'POST', body: '{}' }));
      expect(calls).toBe(1);
      expect(server.received).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
