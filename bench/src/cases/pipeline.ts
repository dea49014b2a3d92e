import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProviderRegistry, loadConfig } from '@x/model-provider';
import { measureInterleaved } from '../harness.js';
import type { BenchResult } from '../result.js';
import { floorSign, jsonBody } from './signing.js';

/** pipeline-bearer and pipeline-sigv4 (requests/s) against a loopback keep-alive server; floor: bare fetch. */
export async function pipelineCases(quick: boolean): Promise<BenchResult[]> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '11' });
      res.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const config = await loadConfig({
      toml: `[model_providers.bench-bearer]\nname = "bearer"\nbase_url = "${origin}/v1"\nexperimental_bearer_token = "bench-token"\n\n[model_providers.amazon-bedrock]\nbase_url = "${origin}/openai/v1"\naws = { region = "us-east-1" }\n`,
    });
    const registry = createProviderRegistry({
      config,
      env: {
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
    });
    const bearer = registry.get('bench-bearer');
    const sigv4 = registry.get('amazon-bedrock');
    const body = jsonBody(1024);
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    const drain = async (response: Response): Promise<void> => {
      await response.arrayBuffer();
    };
    const bearerUrl = `${origin}/v1/responses`;
    const sigv4Path = '/openai/v1/responses';
    const sigv4Url = `${origin}${sigv4Path}`;
    const sigv4Host = new URL(origin).host;
    const ops = await measureInterleaved(
      [
        { name: 'bearer', run: () => bearer.fetch(bearerUrl, init).then(drain) },
        { name: 'sigv4', run: () => sigv4.fetch(sigv4Url, init).then(drain) },
        {
          // What any SigV4 client must add to a bare fetch: the hashing and HMAC work, no more.
          name: 'sigv4-floor',
          run: () =>
            fetch(sigv4Url, {
              ...init,
              headers: { ...init.headers, ...floorSign(body, { host: sigv4Host, path: sigv4Path }) },
            }).then(drain),
        },
        {
          // What any client that bounds the wait for response headers adds to a bare fetch: a
          // per-request abort signal and timer, as the pipeline keeps for stream_idle_timeout_ms.
          name: 'floor-timeout',
          run: () => {
            const deadline = new AbortController();
            const timer = setTimeout(() => deadline.abort(), 300_000);
            return fetch(bearerUrl, {
              ...init,
              headers: { ...init.headers, authorization: 'Bearer bench-token' },
              signal: deadline.signal,
            })
              .finally(() => clearTimeout(timer))
              .then(drain);
          },
        },
        {
          name: 'floor',
          run: () =>
            fetch(bearerUrl, {
              ...init,
              headers: { ...init.headers, authorization: 'Bearer bench-token' },
            }).then(drain),
        },
      ],
      {
        concurrency: 8,
        warmupMs: quick ? 500 : 1500,
        // Many short rounds: this kind of shared VM drifts over seconds, and adjacent short slices
        // see the same conditions.
        ...(quick ? { rounds: 5, sliceMs: 150 } : { rounds: 25, sliceMs: 250 }),
      },
    );
    const floor = ops.get('floor') ?? 0;
    return [
      {
        name: 'pipeline-bearer',
        unit: 'req/s',
        ours: ops.get('bearer') ?? 0,
        peers: { 'bare fetch + response-headers timeout': ops.get('floor-timeout') ?? 0 },
        floor,
        note: 'target >= 0.9 of floor',
      },
      {
        name: 'pipeline-sigv4',
        unit: 'req/s',
        ours: ops.get('sigv4') ?? 0,
        peers: { 'bare fetch + minimal SigV4 on node:crypto': ops.get('sigv4-floor') ?? 0 },
        floor,
        note: 'target >= 0.8 of floor',
      },
    ];
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
