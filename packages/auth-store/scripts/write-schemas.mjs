// Regenerates schema/*.json from the schemas the package validates with (via the built package).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateAuthJsonSchemas } from '../dist/index.js';

const dir = join(import.meta.dirname, '..', 'schema');
await mkdir(dir, { recursive: true });
for (const [name, schema] of Object.entries(generateAuthJsonSchemas())) {
  await writeFile(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote schema/${name}\n`);
}
