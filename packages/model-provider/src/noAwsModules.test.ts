import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './__testing__/tempDir.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs `program` in a fresh Node process (from this package's folder, importing the built package)
 * with a resolve hook that logs every module URL it loads; returns those URLs.
 */
async function modulesLoadedBy(program: string): Promise<string[]> {
  const dir = await tempDir();
  const log = join(dir, 'modules.log');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(log, '');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`,
  );
  const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  const result = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', program], {
    cwd: packageDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe('ok');
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

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

const isAws = (url: string) => /[/+]@(aws-sdk|smithy)[/+]/.test(url);
/** @x/aws-auth's main entry (the signer), as opposed to its light `endpoints` subpath. */
const isSigner = (url: string) => /aws-auth\/dist\/index\.js$/.test(url);

describe('module loading', () => {
  it('a bearer-only provider request loads no @aws-sdk/* or @smithy/* module', async () => {
    const urls = await modulesLoadedBy(
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
    const urls = await modulesLoadedBy(
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
