// A real Secret Service for keyring tests: gnome-keyring on a private D-Bus session bus, both run as
// children of the test process, in a throwaway HOME.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MISSING_KEYRING_PROGRAM } from './missingKeyringProgram.js';
import { secretTool } from './secretTool.js';

/** A running private Secret Service: the variables that reach it, and how to stop it. */
export interface SecretServiceHandle {
  /** The bus address (also `env.DBUS_SESSION_BUS_ADDRESS`). */
  address: string;
  /** `HOME`, the XDG folders and `DBUS_SESSION_BUS_ADDRESS` of the private service. */
  env: Record<string, string>;
  /** Stops both daemons and removes their folder. */
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
            ? `${what} ${MISSING_KEYRING_PROGRAM}`
            : `${what} failed to start (${error.code ?? error.name})`,
        ),
      ),
    );
  });
}

/**
 * A session bus configuration without service directories: nothing can be D-Bus-activated, so a
 * request racing the daemon's start cannot spawn a second, locked gnome-keyring that then owns
 * `org.freedesktop.secrets` (writes would fail with "unlock prompt was dismissed"). The policy is a
 * stock session bus's; with a narrower one, secret-tool calls time out.
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
async function waitUntilWritable(env: Record<string, string>, keyring: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    if (keyring.exitCode !== null) throw new Error(`gnome-keyring-daemon exited with ${keyring.exitCode}`);
    try {
      secretTool(
        { env },
        ['store', '--label=test-kit probe', 'service', 'test-kit-probe', 'username', 'probe'],
        'ready',
      );
      secretTool({ env }, ['clear', 'service', 'test-kit-probe']);
      return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
      if (last.includes(MISSING_KEYRING_PROGRAM)) throw error;
    }
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
  const root = await mkdtemp(join(tmpdir(), 'test-kit-ss-'));
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
  let keyring: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    keyring?.kill();
    bus.kill();
    await rm(root, { recursive: true, force: true });
  };
  try {
    const address = await waitForLine(bus, 'dbus-daemon');
    env.DBUS_SESSION_BUS_ADDRESS = address;
    const started = spawn(
      'gnome-keyring-daemon',
      ['--foreground', '--unlock', '--components=secrets', `--control-directory=${root}`],
      { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    keyring = started;
    await new Promise<void>((resolve, reject) => {
      started.once('spawn', resolve);
      started.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            error.code === 'ENOENT' ? `gnome-keyring-daemon ${MISSING_KEYRING_PROGRAM}` : String(error),
          ),
        ),
      );
    });
    started.stdin?.end('test-keyring-password');
    await waitUntilWritable(env, started);
    return { address, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
