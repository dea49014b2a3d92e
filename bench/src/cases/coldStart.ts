import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from '../harness.js';
import type { BenchResult } from '../result.js';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const creds = `{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }`;
const request = `{ method: 'POST', url: 'https://bedrock-mantle.us-east-1.api.aws/openai/v1/responses', headers: { 'content-type': 'application/json' }, body: '{}' }`;

/** Each program imports its signer and signs one request, then prints ms since the process started. */
const programs: Record<string, string> = {
  ours: `import { signRequest } from '@x/aws-auth';
await signRequest(${request}, { region: 'us-east-1', service: 'bedrock-mantle', credentials: ${creds} });
console.log(performance.now());`,
  'smithy+credential-provider-node': `import { SignatureV4 } from '@smithy/signature-v4';
import { Hash } from '@smithy/hash-node';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
void defaultProvider;
const signer = new SignatureV4({ credentials: ${creds}, region: 'us-east-1', service: 'bedrock-mantle', sha256: Hash.bind(null, 'sha256') });
await signer.sign({ method: 'POST', protocol: 'https:', hostname: 'bedrock-mantle.us-east-1.api.aws', path: '/openai/v1/responses', query: {}, headers: { host: 'bedrock-mantle.us-east-1.api.aws', 'content-type': 'application/json' }, body: '{}' });
console.log(performance.now());`,
};

function runProgram(source: string, extraArgs: string[] = []): string {
  const result = spawnSync(process.execPath, [...extraArgs, '--input-type=module', '-e', source], {
    cwd: benchDir,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cold-start program failed: ${result.stderr.split('\n')[0]}`);
  return result.stdout.trim();
}

/** How many `@aws-sdk/*` and `@smithy/*` modules a bearer-only provider request loads (must be 0). */
function awsModulesForBearerRequest(): { awsSdk: number; smithy: number } {
  const dir = mkdtempSync(join(tmpdir(), 'x-bench-modules-'));
  try {
    const log = join(dir, 'modules.log');
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`,
    );
    writeFileSync(log, '');
    const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
    runProgram(
      `import { createServer } from 'node:http';
import { createProviderRegistry, loadConfig } from '@x/model-provider';
const server = createServer((req, res) => { req.resume(); req.on('end', () => res.end('{"object":"list","data":[]}')); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = 'http://127.0.0.1:' + server.address().port + '/v1';
const config = await loadConfig({ toml: '[model_providers.b]\\nname = "b"\\nbase_url = "' + base + '"\\nexperimental_bearer_token = "t"\\n' });
await createProviderRegistry({ config, env: {} }).get('b').listModels();
server.close();
console.log('ok');`,
      ['--import', register],
    );
    const urls = readFileSync(log, 'utf8').split('\n');
    return {
      awsSdk: urls.filter((u) => u.includes('/@aws-sdk/') || u.includes('/@aws-sdk+')).length,
      smithy: urls.filter((u) => u.includes('/@smithy/') || u.includes('/@smithy+')).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** cold-start: fresh processes importing and making their first signed request, interleaved. */
export function coldStartCases(quick: boolean): BenchResult[] {
  const samples: Record<string, number[]> = Object.fromEntries(
    Object.keys(programs).map((name) => [name, []]),
  );
  const runs = quick ? 3 : 9;
  for (let i = 0; i < runs; i++) {
    for (const [name, source] of Object.entries(programs)) samples[name]?.push(Number(runProgram(source)));
  }
  const ms = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const perSecond = (name: string): number => 1000 / (ms[name] ?? Number.POSITIVE_INFINITY);
  const modules = awsModulesForBearerRequest();
  return [
    {
      name: 'cold-start',
      unit: 'starts/s',
      ours: perSecond('ours'),
      peers: { 'smithy+credential-provider-node': perSecond('smithy+credential-provider-node') },
      note: `median ms: ours ${ms.ours?.toFixed(0)}, peer ${ms['smithy+credential-provider-node']?.toFixed(0)} (lower ms is better)`,
    },
    {
      name: 'bearer request: @aws-sdk/@smithy modules loaded',
      unit: 'modules',
      ours: modules.awsSdk + modules.smithy,
      peers: {},
      note: `target 0 (@aws-sdk: ${modules.awsSdk}, @smithy: ${modules.smithy})`,
    },
  ];
}
