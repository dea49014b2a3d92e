// Importing the package and signing with static keys must not load any @aws-sdk/* module; a profile
// must (the positive control proves the observation works). Runs the built package (dist/, built
// before tests by turbo) in a fresh Node process with a module resolution hook.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { modulesLoadedBy } from '@x/test-kit';
import { afterAll, describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aws-auth-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` with `pkg` (the built `entry`) in scope in a fresh process; lists what it loaded. */
function run(
  body: string,
  entry = dist,
): { loaded: string[]; status: number | null; stdout: string; stderr: string } {
  const { urls, status, stdout, stderr } = modulesLoadedBy(
    `import * as pkg from ${JSON.stringify(pathToFileURL(entry).href)};\n${body}\n`,
    { cwd: dir, env: { HOME: dir, AWS_EC2_METADATA_DISABLED: 'true' } },
  );
  return { loaded: urls, status, stdout, stderr };
}

describe('@aws-sdk is loaded only when a profile or the chain is used', () => {
  it('the built package exists (turbo builds it before tests)', () => {
    expect(existsSync(dist), 'run `pnpm build` first').toBe(true);
  });

  it('importing and signing with static keys loads no @aws-sdk, @smithy or @aws-crypto module', () => {
    const result = run(
      `const signed = await pkg.signRequest(
  { method: 'POST', url: 'https://bedrock-mantle.us-east-1.api.aws/openai/v1/responses', headers: {}, body: '{}' },
  { region: 'us-east-1', service: 'bedrock-mantle', credentials: pkg.fromStatic({ accessKeyId: 'AKID', secretAccessKey: 'S' }) });
if (!signed.headers.authorization.startsWith('AWS4-HMAC-SHA256 ')) process.exit(3);
const auth = pkg.createBedrockAuth({ env: { AWS_REGION: 'us-east-1' }, credentials: { accessKeyId: 'AKID', secretAccessKey: 'S' } });
await auth.authorize({ method: 'GET', url: auth.baseUrl + '/models', headers: {} });`,
    );
    expect(result.status, result.stderr).toBe(0);
    // In Node the native engine signs; smithy is the portable engine and the presigner.
    expect(result.loaded.some((path) => path.endsWith('/dist/index.js'))).toBe(true);
    expect(result.loaded.filter((path) => /@smithy|@aws-sdk|@aws-crypto/.test(path))).toEqual([]);
  });

  it('control: minting a short-term Bedrock API key (a presigned URL) does load @smithy/signature-v4', () => {
    const result = run(
      `const key = await pkg.createBedrockApiKey({ region: 'us-east-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'S' } });
if (!key.startsWith('bedrock-api-key-')) process.exit(7);`,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.loaded.some((path) => path.includes('@smithy/signature-v4'))).toBe(true);
    expect(result.loaded.filter((path) => path.includes('@aws-sdk'))).toEqual([]);
  });

  it('control: resolving a profile does load @aws-sdk', () => {
    const credentials = join(dir, 'credentials');
    writeFileSync(credentials, '[p]\naws_access_key_id = AKIDP\naws_secret_access_key = SP\n');
    const result = run(
      `const creds = await pkg.fromProfile({ profile: 'p', env: { HOME: ${JSON.stringify(dir)}, AWS_SHARED_CREDENTIALS_FILE: ${JSON.stringify(credentials)} } })();
if (creds.accessKeyId !== 'AKIDP') process.exit(4);`,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.loaded.some((path) => path.includes('@aws-sdk/credential-provider-node'))).toBe(true);
  });

  it('with no credentials anywhere the default chain fails with a code listing what was tried', () => {
    const result = run(
      `const error = await pkg.fromDefaultChain({ env: { HOME: ${JSON.stringify(dir)} } })().catch((e) => e);
console.log(JSON.stringify({ code: error.code, message: error.message }));`,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('"code":"CREDENTIALS_NOT_FOUND"');
    expect(result.stdout).toContain(
      'no AWS credentials found; tried: environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), AWS SDK default chain (SSO, shared config and credentials files, credential_process, web identity, container, instance metadata)',
    );
  });

  it('@x/aws-auth/endpoints loads neither the signer nor the AWS SDK and shares AwsAuthError', () => {
    const endpoints = fileURLToPath(new URL('../dist/endpoints.js', import.meta.url));
    const result = run(
      `const url = pkg.bedrockEndpoint({ region: pkg.resolveRegion({ env: { AWS_REGION: 'us-west-2' } }) }).baseUrl;
if (url !== 'https://bedrock-mantle.us-west-2.api.aws/openai/v1') process.exit(5);
const before = (await import(${JSON.stringify(pathToFileURL(dist).href)})).AwsAuthError;
if (before !== pkg.AwsAuthError) process.exit(6);`,
      endpoints,
    );
    expect(result.status, result.stderr).toBe(0);
    // The main entry was imported last (for the class identity check), so only look before it.
    const firstMain = result.loaded.findIndex((path) => path.endsWith('/dist/index.js'));
    const beforeMain = result.loaded.slice(0, firstMain);
    expect(beforeMain.some((path) => path.endsWith('/dist/endpoints.js'))).toBe(true);
    expect(beforeMain.filter((path) => /@smithy|@aws-sdk|@aws-crypto/.test(path))).toEqual([]);
  });
});
