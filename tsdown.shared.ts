import type { UserConfig } from 'tsdown';

// Build settings every published package shares: ESM for Node 20.19+, bundled declarations, no
// source maps. Each package names only its entry points; test helpers are never an entry.
export function packageBuild(entry: string[] = ['src/index.ts']): UserConfig {
  return {
    entry,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    dts: true,
    sourcemap: false,
    clean: true,
    fixedExtension: false,
  };
}
