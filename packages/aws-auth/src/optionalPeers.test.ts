// The AWS SDK pieces are optional peer dependencies. In a process where they cannot be resolved (as
// in a project that never installed them), the paths that need none of them work, and each path that
// needs one fails with AWS_SDK_UNAVAILABLE naming the package. Runs the built package (dist/).
import { describe, expect, it } from 'vitest';
import { runWithout } from './__testing__/runWithout.js';

const CHAIN = '@aws-sdk/credential-provider-node';
const SMITHY = '@smithy/signature-v4';
const SHA = '@aws-crypto/sha256-js';
const ALL = [CHAIN, SMITHY, SHA];

const request = `{ method: 'POST', url: 'https://bedrock-mantle.us-east-1.api.aws/openai/v1/responses', headers: {}, body: '{}' }`;
const keys = `{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }`;
// Prints the code and message of what `expression` rejects with.
const report = (expression: string): string =>
  `const error = await (async () => ${expression})().then(() => ({ code: 'RESOLVED' }), (e) => e);
console.log(JSON.stringify({ code: error.code, message: error.message }));`;

function failure(blocked: string[], expression: string, prelude?: string): { code: string; message: string } {
  const result = runWithout(blocked, report(expression), prelude === undefined ? {} : { prelude });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim()) as { code: string; message: string };
}

describe('without the optional AWS SDK packages', () => {
  it('static keys, environment keys, Bedrock API keys and the native engine work', () => {
    const result = runWithout(
      ALL,
      `const signed = await pkg.signRequest(${request}, { region: 'us-east-1', service: 'bedrock-mantle', credentials: ${keys}, engine: 'native' });
if (!signed.headers.authorization.startsWith('AWS4-HMAC-SHA256 ')) process.exit(3);
const viaEnv = pkg.createBedrockAuth({ env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 's' } });
const envSigned = await viaEnv.authorize({ method: 'GET', url: viaEnv.baseUrl + '/models', headers: {} });
if (!envSigned.headers.authorization.includes('Credential=AKIDENV/')) process.exit(4);
const bearer = pkg.createBedrockAuth({ region: 'us-east-1', apiKey: 'bedrock-key-123' });
const sent = await bearer.authorize({ method: 'GET', url: bearer.baseUrl + '/models', headers: {} });
if (sent.headers.authorization !== 'Bearer bedrock-key-123') process.exit(5);
console.log('ok');`,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok');
  });

  it(`the default chain fails with AWS_SDK_UNAVAILABLE naming ${CHAIN}`, () => {
    const error = failure(ALL, 'pkg.fromDefaultChain({ env: {} })()');
    expect(error.code).toBe('AWS_SDK_UNAVAILABLE');
    expect(error.message).toContain(`npm install ${CHAIN}`);
    expect(error.message).toContain('fromDefaultChain');
  });

  it(`a profile fails with AWS_SDK_UNAVAILABLE naming ${CHAIN}`, () => {
    const prelude = `import { writeFileSync } from 'node:fs';
writeFileSync(process.env.HOME + '/credentials', '[p]\\naws_access_key_id = AKIDP\\naws_secret_access_key = SP\\n');`;
    const error = failure(
      ALL,
      `pkg.fromProfile({ profile: 'p', env: { AWS_SHARED_CREDENTIALS_FILE: process.env.HOME + '/credentials' } })()`,
      prelude,
    );
    expect(error.code).toBe('AWS_SDK_UNAVAILABLE');
    expect(error.message).toContain(`npm install ${CHAIN}`);
  });

  it(`the smithy engine and createBedrockApiKey fail with AWS_SDK_UNAVAILABLE naming ${SMITHY}`, () => {
    const signing = failure(
      ALL,
      `pkg.signRequest(${request}, { region: 'us-east-1', service: 'bedrock-mantle', credentials: ${keys}, engine: 'smithy' })`,
    );
    expect(signing.code).toBe('AWS_SDK_UNAVAILABLE');
    expect(signing.message).toContain(`npm install ${SMITHY}`);
    const minting = failure(ALL, `pkg.createBedrockApiKey({ region: 'us-east-1', credentials: ${keys} })`);
    expect(minting.code).toBe('AWS_SDK_UNAVAILABLE');
    expect(minting.message).toContain(`npm install ${SMITHY}`);
  });

  // A runtime without node:crypto, as far as this package can tell.
  const noNodeCrypto = 'process.getBuiltinModule = undefined;';

  it(`without node:crypto, signing fails with AWS_SDK_UNAVAILABLE naming ${SHA}`, () => {
    const error = failure(
      [SHA],
      `pkg.signRequest(${request}, { region: 'us-east-1', service: 'bedrock-mantle', credentials: ${keys} })`,
      noNodeCrypto,
    );
    expect(error.code).toBe('AWS_SDK_UNAVAILABLE');
    expect(error.message).toContain(`npm install ${SHA}`);
  });

  it('control: without node:crypto but with both packages, the smithy engine signs', () => {
    const result = runWithout(
      [CHAIN],
      `const signed = await pkg.signRequest(${request}, { region: 'us-east-1', service: 'bedrock-mantle', credentials: ${keys} });
console.log(signed.headers.authorization.startsWith('AWS4-HMAC-SHA256 ') ? 'ok' : 'unsigned');`,
      { prelude: noNodeCrypto },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('ok');
  });
});
