// Child process used by the cross-process tests; imports the built package.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAuthManager } from '../../dist/index.js';

const [command, home, ...rest] = process.argv.slice(2);

async function waitForGo() {
  while (!existsSync(join(home, 'go'))) await sleep(5);
}

if (command === 'stress') {
  const iterations = Number(rest[0]);
  const manager = createAuthManager({ home, env: {} });
  process.stdout.write('ready\n');
  await waitForGo();
  for (let i = 0; i < iterations; i++) {
    await manager.loginWithApiKey(`sk-stress-${process.pid}-${i}-${'x'.repeat(i % 7)}`);
    await manager.logout();
  }
  process.stdout.write('done\n');
} else if (command === 'refresh') {
  const [url, storeMode] = rest;
  const manager = createAuthManager({
    home,
    env: {},
    refreshTokenUrl: url,
    clientId: 'client-test',
    storeMode,
  });
  process.stdout.write('ready\n');
  await waitForGo();
  const auth = await manager.auth();
  process.stdout.write(`${JSON.stringify({ accessToken: auth?.accessToken ?? null })}\n`);
} else if (command === 'login') {
  // login <home> <key>: one API key login; prints the warnings' codes as JSON.
  const warnings = [];
  const manager = createAuthManager({ home, env: {}, onWarning: (w) => warnings.push(w.code) });
  await manager.loginWithApiKey(rest[0]);
  process.stdout.write(`${JSON.stringify({ warnings })}\n`);
} else if (command === 'store') {
  // store <home> <mode>: save then load an API key; prints outcome and warnings as JSON.
  const [mode] = rest;
  const warnings = [];
  const manager = createAuthManager({
    home,
    env: {},
    storeMode: mode,
    onWarning: (w) => warnings.push(w.code),
  });
  try {
    await manager.loginWithApiKey('sk-child-process-key-0123456789');
    const status = await manager.status();
    process.stdout.write(`${JSON.stringify({ ok: true, mode: status.mode, warnings })}\n`);
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify({ ok: false, code: error.code, message: error.message, warnings })}\n`,
    );
  }
}
