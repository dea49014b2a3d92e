// Regenerates schema/config.schema.json from the config schemas (via the built package). The drift
// test only compares; it never writes.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configJsonSchema } from '../dist/config/configJsonSchema.js';

const dir = join(import.meta.dirname, '..', 'schema');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'config.schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write('wrote schema/config.schema.json\n');
