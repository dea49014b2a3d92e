#!/usr/bin/env node
// `pnpm bench [--json] [--quick] [--only groups]`: builds the bench and the packages it measures, then
// runs it. Build output goes to stderr, so stdout holds only the report (`pnpm -s bench --json`).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const build = spawnSync(
  join(root, 'node_modules', '.bin', 'turbo'),
  ['run', 'build', '--filter=@x/bench...', '--output-logs=errors-only'],
  { cwd: root, env, stdio: ['ignore', process.stderr, process.stderr] },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const bench = spawnSync(
  process.execPath,
  ['--expose-gc', join(root, 'bench', 'dist', 'index.js'), ...process.argv.slice(2)],
  {
    cwd: join(root, 'bench'),
    env,
    stdio: 'inherit',
  },
);
process.exit(bench.status ?? 1);
