// Test support: servers started through here are closed after each test of the importing file
// (vitest evaluates this module once per test file, so each file gets its own hook and list).

import { type LoopbackServer, startLoopbackServer } from '@x/test-kit';
import { afterEach } from 'vitest';

const open: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** Closes `server` after the current test. */
export function closeAfterTest<T extends LoopbackServer>(server: T): T {
  open.push(server);
  return server;
}

/** A loopback server (see {@link startLoopbackServer}) closed after the current test. */
export async function serve(handler: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  return closeAfterTest(await startLoopbackServer(handler));
}
