import { defineConfig } from 'tsdown';
import { packageBuild } from '../../tsdown.shared.js';

// configJsonSchema is built on its own (not exported) for scripts/write-schema.mjs, which regenerates
// schema/config.schema.json from the config schemas; the public configJsonSchema() reads that file.
export default defineConfig(packageBuild(['src/index.ts', 'src/config/configJsonSchema.ts']));
