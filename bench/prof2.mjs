import { createServer } from 'node:http';
const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, {'content-type':'application/json','content-length':'11'}); res.end('{"ok":true}'); }); });
server.keepAliveTimeout = 60000;
await new Promise(r => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const body = JSON.stringify({ x: 'a'.repeat(1000) });
const bytes = new TextEncoder().encode(body);
const h = { 'content-type': 'application/json', authorization: 'Bearer bench-token' };
const modes = {
  floor: () => fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body }),
  bytes: () => fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body: bytes }),
  manual: () => fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body, redirect: 'manual' }),
  signal: () => { const c = new AbortController(); const t = setTimeout(() => c.abort(), 300000); return fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body, signal: c.signal }).finally(() => clearTimeout(t)); },
  timeoutonly: () => { const t = setTimeout(() => {}, 300000); return fetch(`${origin}/v1/responses`, { method: 'POST', headers: h, body }).finally(() => clearTimeout(t)); },
};
const one = () => modes[process.argv[2]]().then(r => r.arrayBuffer());
async function run(ms) { let n = 0; const end = Date.now() + ms; await Promise.all(Array.from({ length: 8 }, async () => { while (Date.now() < end) { await one(); n++; } })); return n; }
await run(1000);
const n = await run(4000);
console.log(process.argv[2], (n / 4).toFixed(0), 'req/s');
server.close(); server.closeAllConnections();
