import { defineConfig } from 'tsdown';
import { packageBuild } from '../tsdown.shared.js';

// A private program, not a library: no declarations to ship.
export default defineConfig({ ...packageBuild(['src/index.ts']), dts: false });
