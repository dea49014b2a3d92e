import { createServer } from 'node:http';
import { createProviderRegistry, loadConfig, createProviderFetch } from '@x/model-provider';
const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, {'content-type':'application/json','content-length':'11'}); res.end('{"ok":true}'); }); });
server.keepAliveTimeout = 60000;
await new Promise(r => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const config = await loadConfig({ toml: `[model_providers.b]\nname = "bearer"\nbase_url = "${origin}/v1"\nexperimental_bearer_token = "bench-token"\n` });
const registry = createProviderRegistry({ config, env: {} });
const p = registry.get('b'); const auth = { authorize: (r) => ({ ...r, headers: { ...r.headers, authorization: 'Bearer bench-token' } }) };
const q = { fetch: createProviderFetch({ baseUrl: origin + '/v1', auth }) };
const q2 = { fetch: createProviderFetch({ baseUrl: origin + '/v1', auth, streamIdleTimeoutMs: 300000 }) };
const body = JSON.stringify({ x: 'a'.repeat(1000) });
const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
const h = { 'content-type': 'application/json', authorization: 'Bearer bench-token' };
const modes = {
  floor: () => fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body }),
  ours: () => p.fetch(`${origin}/v1/responses`, init),
  ours_noidle: () => q.fetch(`${origin}/v1/responses`, init),
  ours_idle: () => q2.fetch(`${origin}/v1/responses`, init),
};
async function run(one, ms) { let n = 0; const end = Date.now() + ms; await Promise.all(Array.from({ length: 8 }, async () => { while (Date.now() < end) { await one().then(r => r.arrayBuffer()); n++; } })); return n; }
const tot = {};
for (const m in modes) await run(modes[m], 300);
for (let r = 0; r < 12; r++) for (const m in modes) tot[m] = (tot[m] || 0) + await run(modes[m], 250);
for (const m in modes) console.log(m, (tot[m] / tot.floor).toFixed(3));
server.close(); server.closeAllConnections();
