import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A running private Secret Service: the variables that reach it, and how to stop it. */
export interface PrivateSecretService {
  env: Record<string, string>;
  stop(): Promise<void>;
}

const NEEDS = 'needs the Debian packages dbus-daemon, gnome-keyring and libsecret-tools';

/** First line a child prints on stdout (dbus-daemon prints its address), or why it never came. */
function firstLine(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end > 0) resolve(text.slice(0, end).trim());
    });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'ENOENT' ? `${name} is missing: this test ${NEEDS}` : String(error))),
    );
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
}

/**
 * A session bus that listens in `dir` and activates nothing: gnome-keyring is started by us alone,
 * so no second (locked) daemon can claim the Secret Service name while ours starts. The policy is a
 * stock session bus's; with a narrower one, secret-tool calls time out.
 */
const busConfig = (
  dir: string,
): string => `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
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

/** Runs `secret-tool` against the private service; throws with its stderr when it fails. */
export function secretTool(service: PrivateSecretService, args: string[], input?: string): string {
  const run = spawnSync('secret-tool', args, {
    env: { ...process.env, ...service.env },
    input,
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? `secret-tool is missing: this test ${NEEDS}` : `secret-tool failed (${code})`,
    );
  }
  if (run.status !== 0) throw new Error(`secret-tool ${args[0]} failed: ${run.stderr.trim()}`);
  return run.stdout;
}

/**
 * Starts dbus-daemon and gnome-keyring-daemon (unlocked with a throwaway password) as children, with
 * a temp HOME, and resolves once the default collection takes a write.
 */
export async function startPrivateSecretService(): Promise<PrivateSecretService> {
  const dir = await mkdtemp(join(tmpdir(), 'model-provider-ss-'));
  const env: Record<string, string> = {
    HOME: dir,
    XDG_RUNTIME_DIR: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
  };
  await writeFile(join(dir, 'bus.conf'), busConfig(dir));
  const children: ChildProcess[] = [];
  const service: PrivateSecretService = {
    env,
    async stop() {
      for (const child of children) child.kill();
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    const bus = spawn(
      'dbus-daemon',
      [`--config-file=${join(dir, 'bus.conf')}`, '--nofork', '--print-address=1'],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    children.push(bus);
    env.DBUS_SESSION_BUS_ADDRESS = await firstLine(bus, 'dbus-daemon');
    const keyring = spawn(
      'gnome-keyring-daemon',
      ['--foreground', '--unlock', '--components=secrets', `--control-directory=${dir}`],
      { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    children.push(keyring);
    let spawnError: Error | undefined;
    keyring.once('error', (error: NodeJS.ErrnoException) => {
      spawnError = new Error(
        error.code === 'ENOENT' ? `gnome-keyring-daemon is missing: this test ${NEEDS}` : String(error),
      );
    });
    keyring.stdin?.end('throwaway-test-password');
    for (let attempt = 0; ; attempt++) {
      try {
        secretTool(service, ['store', '--label=probe', 'service', 'probe', 'username', 'probe'], 'ready');
        secretTool(service, ['clear', 'service', 'probe']);
        return service;
      } catch (error) {
        if (spawnError) throw spawnError;
        if (attempt >= 200 || keyring.exitCode !== null || /is missing/.test(String(error))) throw error;
        await sleep(100);
      }
    }
  } catch (error) {
    await service.stop();
    throw error;
  }
}

/** Codex's keyring account for a home: `cli|` and the first 16 hex of SHA-256 of its canonical path. */
export async function codexKeyringAccount(home: string): Promise<string> {
  return `cli|${createHash('sha256')
    .update(await realpath(home))
    .digest('hex')
    .slice(0, 16)}`;
}
