import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type SecretServiceHandle, startSecretService } from '@x/test-kit';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    secretServiceEnv: Record<string, string>;
  }
}

const packageDir = join(import.meta.dirname, '..', '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Child-process tests import the built dist; rebuild it when src is newer. */
function ensureBuilt(): void {
  const dist = join(packageDir, 'dist', 'index.js');
  let built = 0;
  try {
    built = statSync(dist).mtimeMs;
  } catch {}
  if (built >= newestSource(join(packageDir, 'src'))) return;
  const result = spawnSync('pnpm', ['run', 'build'], { cwd: packageDir, stdio: 'ignore', timeout: 120_000 });
  if (result.status !== 0) throw new Error('building @x/auth-store for the child-process tests failed');
}

let handle: SecretServiceHandle | undefined;

/** Starts a real Secret Service (private D-Bus + gnome-keyring) for the whole run; never skipped. */
export async function setup(project: TestProject): Promise<void> {
  ensureBuilt();
  handle = await startSecretService();
  process.env.DBUS_SESSION_BUS_ADDRESS = handle.env.DBUS_SESSION_BUS_ADDRESS;
  project.provide('secretServiceEnv', handle.env);
}

export async function teardown(): Promise<void> {
  await handle?.stop();
}
