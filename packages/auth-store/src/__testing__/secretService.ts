import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private D-Bus session bus with gnome-keyring's Secret Service on it, for tests. */
export interface SecretServiceHandle {
  address: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}`)));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${what} is not installed: the keyring tests need the Debian packages gnome-keyring, dbus-daemon and libsecret-tools (scripts/ensure-keyring-deps.sh installs them)`
            : `${what} failed to start (${error.code ?? error.name})`,
        ),
      ),
    );
  });
}

/**
 * Starts `dbus-daemon --session --nofork` as our child, then gnome-keyring-daemon with a temp HOME
 * and XDG dirs; `--unlock` reads a password from stdin and creates the login collection, which is
 * also the default alias. (An empty password leaves no login collection, hence a throwaway one.)
 */
export async function startSecretService(): Promise<SecretServiceHandle> {
  const root = await mkdtemp(join(tmpdir(), 'auth-store-ss-'));
  const env: Record<string, string> = {
    HOME: root,
    XDG_DATA_HOME: join(root, 'data'),
    XDG_RUNTIME_DIR: root,
    XDG_CONFIG_HOME: join(root, 'config'),
  };
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await waitForLine(bus, 'dbus-daemon');
  env.DBUS_SESSION_BUS_ADDRESS = address;
  const keyring = spawnSync(
    'gnome-keyring-daemon',
    ['--daemonize', '--unlock', '--components=secrets', `--control-directory=${root}`],
    { env: { ...process.env, ...env }, input: 'test-keyring-password', encoding: 'utf8', timeout: 15_000 },
  );
  const pid = Number(/GNOME_KEYRING_PID=(\d+)/.exec(keyring.stdout ?? '')?.[1]);
  if (keyring.status !== 0) {
    bus.kill();
    throw new Error(
      keyring.error && (keyring.error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'gnome-keyring-daemon is not installed: the keyring tests need the Debian packages gnome-keyring, dbus-daemon and libsecret-tools (scripts/ensure-keyring-deps.sh installs them)'
        : `gnome-keyring-daemon failed (status ${keyring.status})`,
    );
  }
  const probe = spawnSync('secret-tool', ['search', '--all', 'service', 'auth-store-probe'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (probe.status !== 0 && !/No matching/i.test(probe.stderr)) {
    bus.kill();
    throw new Error(`Secret Service not reachable: ${probe.stderr}`);
  }
  return {
    address,
    env,
    async stop() {
      if (pid > 0) {
        try {
          process.kill(pid);
        } catch {}
      }
      bus.kill();
      await rm(root, { recursive: true, force: true });
    },
  };
}
