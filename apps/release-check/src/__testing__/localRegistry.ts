import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runServer } from 'verdaccio';

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** Creates a user on the registry (what `npm adduser` does) and returns its token. */
  addUser(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts a verdaccio registry in this process on 127.0.0.1 and a free port, its storage, users and
 * plugins below `dir`. It has no uplinks, so it serves only what is published to it and never goes
 * to the network: anyone may read, only a logged-in user may publish.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  mkdirSync(join(dir, 'plugins'), { recursive: true });
  const server = (await runServer({
    self_path: join(dir, 'config.yaml'),
    storage: join(dir, 'storage'),
    plugins: join(dir, 'plugins'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 10 } },
    uplinks: {},
    packages: {
      '**': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
    },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
    web: { enable: false },
    max_body_size: '200mb',
    publish: { allow_offline: true },
  })) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    async addUser(name) {
      const response = await fetch(`${url}/-/user/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password: randomBytes(24).toString('hex'), type: 'user', roles: [] }),
      });
      const body = (await response.json()) as { token?: string };
      if (response.status !== 201 || typeof body.token !== 'string') {
        throw new Error(`creating registry user ${name} answered ${response.status}`);
      }
      return body.token;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
