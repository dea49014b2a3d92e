import { createServer } from 'node:http';
const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, {'content-type':'application/json','content-length':'11'}); res.end('{"ok":true}'); }); });
server.keepAliveTimeout = 60000;
await new Promise(r => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const body = JSON.stringify({ x: 'a'.repeat(1000) });
const h = { 'content-type': 'application/json', authorization: 'Bearer bench-token' };
const modes = {
  floor: () => fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body }),
  manual: () => fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body, redirect: 'manual' }),
  signal: () => { const c = new AbortController(); const t = setTimeout(() => c.abort(), 300000); return fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body, signal: c.signal }).finally(() => clearTimeout(t)); },
};
async function run(one, ms) { let n = 0; const end = Date.now() + ms; await Promise.all(Array.from({ length: 8 }, async () => { while (Date.now() < end) { await one().then(r => r.arrayBuffer()); n++; } })); return n; }
const tot = {};
for (const m in modes) await run(modes[m], 300);
for (let r = 0; r < 12; r++) for (const m in modes) tot[m] = (tot[m] || 0) + await run(modes[m], 250);
for (const m in modes) console.log(m, (tot[m] / tot.floor).toFixed(3));
server.close(); server.closeAllConnections();
