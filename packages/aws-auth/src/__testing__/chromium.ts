// Headless Chromium for the browser tests: Debian's package, driven by playwright-core (which
// downloads no browser of its own). The flags keep it from reaching out to the network at start.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `${CHROMIUM} is not installed: the browser tests need the Debian package chromium (scripts/ensure-browser-deps.sh installs it as root)`;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumHandle {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh, empty profile directory, removed again by `close`. */
export async function launchChromium(): Promise<ChromiumHandle> {
  const profile = await mkdtemp(join(tmpdir(), 'x-aws-auth-chromium-'));
  // launchPersistentContext passes the directory as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
