// Test-only: real temporary AWS config / credentials files and an env pointing at them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../env.js';

export interface TempAws {
  dir: string;
  env: Env;
  cleanup(): void;
}

export function tempAws(
  files: { config?: string | undefined; credentials?: string | undefined },
  extra: Env = {},
): TempAws {
  const dir = mkdtempSync(join(tmpdir(), 'aws-auth-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  if (files.config !== undefined) writeFileSync(config, files.config);
  if (files.credentials !== undefined) writeFileSync(credentials, files.credentials);
  return {
    dir,
    env: { HOME: dir, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, ...extra },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
