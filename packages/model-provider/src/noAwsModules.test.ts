import { describe, expect, it } from 'vitest';
import { isAwsSdkModule as isAws, isSignerModule as isSigner } from './__testing__/moduleKinds.js';
import { modulesLoadedByOkProgram } from './__testing__/modulesLoadedByOkProgram.js';

const serveAndAsk = (toml: string, id: string, env: string) => `
import { createServer } from 'node:http';
import { createProviderRegistry, loadConfig } from '@x/model-provider';
const server = createServer((req, res) => { req.resume(); req.on('end', () => res.end('{"object":"list","data":[]}')); });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = 'http://127.0.0.1:' + server.address().port;
const config = await loadConfig({ toml: ${toml} });
await createProviderRegistry({ config, env: ${env} }).get('${id}').listModels();
server.close();
console.log('ok');
`;

describe('module loading', () => {
  it('a bearer-only provider request loads no @aws-sdk/* or @smithy/* module', async () => {
    const urls = modulesLoadedByOkProgram(
      serveAndAsk(
        `'[model_providers.b]\\nname = "b"\\nbase_url = "' + origin + '/v1"\\nexperimental_bearer_token = "t"\\n'`,
        'b',
        '{}',
      ),
    );
    expect(urls.some((u) => u.includes('/model-provider/dist/'))).toBe(true);
    // The hook sees third-party packages (the TOML parser), so an AWS one would show up too.
    expect(urls.some((u) => u.includes('/smol-toml/'))).toBe(true);
    expect(urls.filter(isAws)).toEqual([]);
    expect(urls.filter(isSigner)).toEqual([]);
  });

  it('a SigV4 request loads the signer, and in Node still no @aws-sdk/* or @smithy/* module', async () => {
    const urls = modulesLoadedByOkProgram(
      serveAndAsk(
        `'[model_providers.amazon-bedrock]\\nbase_url = "' + origin + '/openai/v1"\\naws = { region = "us-east-1" }\\n'`,
        'amazon-bedrock',
        `{ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' }`,
      ),
    );
    expect(urls.filter(isSigner).length).toBeGreaterThan(0);
    // Static keys from the environment, signed by the native node:crypto engine.
    expect(urls.filter(isAws)).toEqual([]);
  });
});
