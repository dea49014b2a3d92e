import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecked } from './runCommand.js';
import { publishablePackages, REPO_ROOT } from './workspace.js';

const CHANGESET = join(REPO_ROOT, 'node_modules', '.bin', 'changeset');

/**
 * `changeset version` in the workspace copy at `root`, after adding one more changeset that bumps
 * every publishable package (`summary` becomes a line of each package's CHANGELOG.md), so that the
 * round trip has something to release even when no changeset is pending.
 */
export async function versionPackages(root: string, env: NodeJS.ProcessEnv, summary: string): Promise<void> {
  const front = publishablePackages(root)
    .map((pkg) => `"${pkg.manifest.name}": patch`)
    .join('\n');
  writeFileSync(
    join(root, '.changeset', 'release-check-round-trip.md'),
    `---\n${front}\n---\n\n${summary}\n`,
  );
  await runChecked(CHANGESET, ['version'], { cwd: root, env, hangLimitMs: 300_000 });
}

/**
 * `changeset publish` in the workspace copy at `root`, to the registry and with the token that `env`
 * carries (changesets publishes with `pnpm publish`, which rewrites `workspace:` ranges). No git tags:
 * the copy is not a repository.
 */
export async function publishPackages(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  const { stdout, stderr } = await runChecked(CHANGESET, ['publish', '--no-git-tag'], {
    cwd: root,
    env,
    hangLimitMs: 600_000,
  });
  return `${stdout}${stderr}`;
}
