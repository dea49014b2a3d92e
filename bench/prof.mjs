import { createServer } from 'node:http';
import { createProviderRegistry, loadConfig } from '@x/model-provider';
const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, {'content-type':'application/json','content-length':'11'}); res.end('{"ok":true}'); }); });
server.keepAliveTimeout = 60000;
await new Promise(r => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const config = await loadConfig({ toml: `[model_providers.b]\nname = "bearer"\nbase_url = "${origin}/v1"\nexperimental_bearer_token = "bench-token"\n` });
const registry = createProviderRegistry({ config, env: {} });
const p = registry.get('b');
const body = JSON.stringify({ x: 'a'.repeat(1000) });
const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
const mode = process.argv[2];
const one = mode === 'floor' ? () => fetch(`${origin}/v1/responses`, { ...init, headers: { ...init.headers, authorization: 'Bearer bench-token' } }).then(r => r.arrayBuffer())
  : () => p.fetch(`${origin}/v1/responses`, init).then(r => r.arrayBuffer());
async function run(ms) { let n = 0; const end = Date.now() + ms; await Promise.all(Array.from({ length: 8 }, async () => { while (Date.now() < end) { await one(); n++; } })); return n; }
await run(1000);
const n = await run(4000);
console.log(mode, (n / 4).toFixed(0), 'req/s');
server.close(); server.closeAllConnections();
