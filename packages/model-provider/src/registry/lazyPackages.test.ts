import { describe, expect, it } from 'vitest';
import { isSignerModule } from '../__testing__/moduleKinds.js';
import { modulesLoadedByOkProgram } from '../__testing__/modulesLoadedByOkProgram.js';

// What a program that uses only key or bearer providers loads, in a fresh Node process: the packages
// a provider may need (the command runner, the auth store, the signer) come in only when a provider
// that needs them is first used, so that importing @x/model-provider stays light.

const loads = (url: string, pkg: string): boolean => url.includes(`/${pkg}/dist/`);

/** Imports the package, sends one request through a key provider, then does `then` and prints `ok`. */
const program = (then: string) => `
import { createServer } from 'node:http';
import { createProviderRegistry, loadConfig } from '@x/model-provider';
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(/^Bearer \\S+$/.test(req.headers.authorization ?? '') ? 200 : 401);
    res.end('{}');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = 'http://127.0.0.1:' + server.address().port;
const toml = [
  '[model_providers.key]', 'name = "Key"', 'base_url = "' + origin + '/v1"', 'env_key = "KEY"',
  '[model_providers.cmd]', 'name = "Cmd"', 'base_url = "' + origin + '/v1"',
  'auth = { command = ' + JSON.stringify(process.execPath) + ', args = ["-e", "console.log(\\'tok\\')"] }',
].join('\\n');
const registry = createProviderRegistry({ config: await loadConfig({ toml }), env: { KEY: 'k-1' } });
const send = async (id) => {
  const response = await registry.get(id).fetch(origin + '/v1/responses', { method: 'POST', body: '{}' });
  if (response.status !== 200) throw new Error(id + ' answered ' + response.status);
};
await send('key');
${then}
server.close();
console.log('ok');
`;

describe('@x/model-provider loads the packages a provider needs when it is first used', () => {
  it('a key provider: neither the auth store nor the command runner nor the signer is loaded', () => {
    const urls = modulesLoadedByOkProgram(program(''));
    expect(urls.some((u) => loads(u, 'model-provider'))).toBe(true);
    expect(urls.filter((u) => loads(u, 'auth-store') || loads(u, 'external-bearer'))).toEqual([]);
    expect(urls.filter((u) => u.includes('/execa/'))).toEqual([]);
    expect(urls.filter(isSignerModule)).toEqual([]);
  });

  it('a command provider, once used, brings in @x/external-bearer, and still not the auth store', () => {
    const urls = modulesLoadedByOkProgram(program("await send('cmd');"));
    expect(urls.some((u) => loads(u, 'external-bearer'))).toBe(true);
    expect(urls.filter((u) => loads(u, 'auth-store'))).toEqual([]);
  });
});
