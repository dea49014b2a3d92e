import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A private D-Bus session bus with gnome-keyring's Secret Service on it, for tests. */
export interface SecretServiceHandle {
  address: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

const MISSING =
  'is not installed: the keyring tests need the Debian packages gnome-keyring, dbus-daemon and libsecret-tools (scripts/ensure-keyring-deps.sh installs them)';

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
            ? `${what} ${MISSING}`
            : `${what} failed to start (${error.code ?? error.name})`,
        ),
      ),
    );
  });
}

/**
 * A session bus configuration without service directories: nothing can be D-Bus-activated, so a
 * request racing the daemon's start cannot spawn a second, locked gnome-keyring that then owns
 * `org.freedesktop.secrets` (writes would fail with "unlock prompt was dismissed").
 */
function busConfig(dir: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

/** Stores and clears a probe item until the default collection accepts writes (or time runs out). */
async function waitUntilWritable(env: NodeJS.ProcessEnv, keyring: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    if (keyring.exitCode !== null) throw new Error(`gnome-keyring-daemon exited with ${keyring.exitCode}`);
    const probe = spawnSync(
      'secret-tool',
      ['store', '--label=auth-store probe', 'service', 'auth-store-probe', 'username', 'probe'],
      { env, input: 'ready', encoding: 'utf8', timeout: 10_000 },
    );
    if (probe.error && (probe.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`secret-tool ${MISSING}`);
    }
    if (probe.status === 0) {
      spawnSync('secret-tool', ['clear', 'service', 'auth-store-probe'], { env, timeout: 10_000 });
      return;
    }
    last = (probe.stderr ?? '').trim();
    await sleep(100);
  }
  throw new Error(`Secret Service not writable: ${last}`);
}

/**
 * Starts `dbus-daemon --nofork` (private config, no activation) and `gnome-keyring-daemon
 * --foreground` as our children, with a temp HOME and XDG dirs; `--unlock` reads a password from
 * stdin and creates the login collection, which is also the default alias. (An empty password leaves
 * no login collection, hence a throwaway one.) Resolves once an item can be written.
 */
export async function startSecretService(): Promise<SecretServiceHandle> {
  const root = await mkdtemp(join(tmpdir(), 'auth-store-ss-'));
  const env: Record<string, string> = {
    HOME: root,
    XDG_DATA_HOME: join(root, 'data'),
    XDG_RUNTIME_DIR: root,
    XDG_CONFIG_HOME: join(root, 'config'),
  };
  const config = join(root, 'bus.conf');
  await writeFile(config, busConfig(root));
  const bus = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await waitForLine(bus, 'dbus-daemon');
  env.DBUS_SESSION_BUS_ADDRESS = address;
  const childEnv = { ...process.env, ...env };
  const keyring = spawn(
    'gnome-keyring-daemon',
    ['--foreground', '--unlock', '--components=secrets', `--control-directory=${root}`],
    { env: childEnv, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  const stop = async (): Promise<void> => {
    keyring.kill();
    bus.kill();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      keyring.once('spawn', resolve);
      keyring.once('error', (error: NodeJS.ErrnoException) =>
        reject(new Error(error.code === 'ENOENT' ? `gnome-keyring-daemon ${MISSING}` : String(error))),
      );
    });
    keyring.stdin?.end('test-keyring-password');
    await waitUntilWritable(childEnv, keyring);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, env, stop };
}
