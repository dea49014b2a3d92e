import { join } from 'node:path';
import { tempDir } from '@x/test-kit';
import { describe, expect, it } from 'vitest';
import { tokenScript } from '../__testing__/commandScripts.js';
import { isAwsSdkModule, isSignerModule } from '../__testing__/moduleKinds.js';
import { modulesLoadedByOkProgram } from '../__testing__/modulesLoadedByOkProgram.js';

// Each bearer path a user can configure, driven through a config file and the registry in a fresh
// Node process (a clean module cache): a POST and a model listing against a loopback server in that
// process, then every module it resolved is checked. A bearer request never needs the AWS SDK; a
// provider that is not Bedrock does not even load @x/aws-auth's signer.

interface Scenario {
  name: string;
  id: string;
  /** The config; `ORIGIN` is replaced by the child's server origin. */
  toml: string;
  env?: Record<string, string>;
  /** A login stored in `<home>` before the request. */
  login?: { apiKey: string } | { bedrockApiKey: string; region: string };
  /** Bedrock providers load the signer module (lazily, on their first request); others must not. */
  signer: 'allowed' | 'never';
}

/** The child's program: serve, load the config file, send through the registry, print `ok`. */
const program = (scenario: Scenario, home: string, configFile: string) => `
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { createAuthManager } from '@x/auth-store';
import { createProviderRegistry, loadConfig } from '@x/model-provider';
const scenario = ${JSON.stringify(scenario)};
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const ok = /^Bearer \\S+$/.test(req.headers.authorization ?? '');
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end('{"object":"list","data":[]}');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = 'http://127.0.0.1:' + server.address().port;
writeFileSync(${JSON.stringify(configFile)}, scenario.toml.replaceAll('ORIGIN', origin));
const authManager = createAuthManager({ home: ${JSON.stringify(home)}, env: {} });
if (scenario.login?.apiKey) await authManager.loginWithApiKey(scenario.login.apiKey);
if (scenario.login?.bedrockApiKey)
  await authManager.loginWithBedrockApiKey({ apiKey: scenario.login.bedrockApiKey, region: scenario.login.region });
const config = await loadConfig({ file: ${JSON.stringify(configFile)} });
const provider = createProviderRegistry({ config, authManager, env: scenario.env ?? {} }).get(scenario.id);
const response = await provider.fetch(provider.baseUrl + '/responses', { method: 'POST', body: '{"input":"hi"}' });
if (response.status !== 200) throw new Error('POST answered ' + response.status);
await response.arrayBuffer();
await provider.listModels();
server.close();
console.log('ok');
`;

const generic = (lines: string) => `[model_providers.p]\nname = "P"\nbase_url = "ORIGIN/v1"\n${lines}\n`;
const bedrock =
  '[model_providers.amazon-bedrock]\nbase_url = "ORIGIN/openai/v1"\naws = { region = "us-east-1" }\n';

const scenarios = (tokenCommand: string): Scenario[] => [
  { name: 'env_key', id: 'p', toml: generic('env_key = "P_KEY"'), env: { P_KEY: 'k-1' }, signer: 'never' },
  { name: 'auth.command', id: 'p', toml: generic(`auth = ${tokenCommand}`), signer: 'never' },
  {
    name: 'requires_openai_auth with a stored API key',
    id: 'p',
    toml: generic('requires_openai_auth = true'),
    login: { apiKey: 'sk-stored-0123456789' },
    signer: 'never',
  },
  {
    name: 'amazon-bedrock with AWS_BEARER_TOKEN_BEDROCK',
    id: 'amazon-bedrock',
    toml: bedrock,
    env: { AWS_BEARER_TOKEN_BEDROCK: 'bedrock-env-key' },
    signer: 'allowed',
  },
  {
    name: 'amazon-bedrock with a stored Bedrock API key',
    id: 'amazon-bedrock',
    toml: bedrock,
    login: { bedrockApiKey: 'bedrock-stored-key', region: 'us-east-1' },
    signer: 'allowed',
  },
  {
    name: 'amazon-bedrock with an auth command',
    id: 'amazon-bedrock',
    toml: `[model_providers.amazon-bedrock]\nbase_url = "ORIGIN/openai/v1"\nauth = ${tokenCommand}\n`,
    signer: 'never',
  },
];

describe('a bearer request through the registry loads no @aws-sdk/* or @smithy/* module', () => {
  const names = scenarios('').map((s) => s.name);
  it.each(names)('%s', async (name) => {
    const dir = await tempDir();
    const { script } = await tokenScript(dir, ['command-token']);
    const tokenCommand = `{ command = ${JSON.stringify(process.execPath)}, args = [${JSON.stringify(script)}] }`;
    const scenario = scenarios(tokenCommand).find((s) => s.name === name) as Scenario;
    const urls = modulesLoadedByOkProgram(program(scenario, join(dir, 'home'), join(dir, 'config.toml')));
    // The hook sees our packages and third-party ones (the TOML parser), so an AWS one would show too.
    expect(urls.some((u) => u.includes('/model-provider/dist/'))).toBe(true);
    expect(urls.some((u) => u.includes('/smol-toml/'))).toBe(true);
    expect(urls.filter(isAwsSdkModule)).toEqual([]);
    if (scenario.signer === 'never') expect(urls.filter(isSignerModule)).toEqual([]);
  });
});
