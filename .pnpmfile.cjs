// pnpm hooks for this workspace.
//
// beforePacking: a published manifest keeps its devDependencies (they tell a reader how the package is
// built and tested), except those on the workspace's private packages (the shared test helpers, say).
// pnpm would pack them as version 0.0.0 of a package that no registry holds.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

function privateWorkspacePackages() {
  const names = new Set();
  for (const group of ['packages', 'apps']) {
    const dir = join(__dirname, group);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      try {
        const manifest = JSON.parse(readFileSync(join(dir, entry.name, 'package.json'), 'utf8'));
        if (manifest.private) names.add(manifest.name);
      } catch {
        // A folder without a manifest is not a workspace package.
      }
    }
  }
  return names;
}

function beforePacking(pkg) {
  const hidden = privateWorkspacePackages();
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const deps = pkg[field];
    if (!deps) continue;
    for (const name of Object.keys(deps)) if (hidden.has(name)) delete deps[name];
    if (Object.keys(deps).length === 0) delete pkg[field];
  }
  return pkg;
}

// pnpm reads `hooks`; the release dry run (scripts/check-packages.mjs) checks tarballs against the same list.
module.exports = { hooks: { beforePacking }, privateWorkspacePackages };
