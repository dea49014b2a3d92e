// Child process for the refresh-lock test; imports the built package.
// refreshWorker.mjs <home> <token url> <go file>: loads the stored ChatGPT login, prints "ready",
// waits for the go file, forces a refresh of the access token it loaded, and prints
// {"before": <loaded access token>, "after": <access token in use afterwards>}.
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAuthManager } from '../../dist/index.js';

const [home, url, go] = process.argv.slice(2);
const manager = createAuthManager({ home, env: {}, refreshTokenUrl: url, clientId: 'client-test' });
const before = await manager.auth();
process.stdout.write('ready\n');
while (!existsSync(go)) await sleep(5);
await manager.refreshTokens();
const after = await manager.auth();
process.stdout.write(`${JSON.stringify({ before: before?.accessToken, after: after?.accessToken })}\n`);
