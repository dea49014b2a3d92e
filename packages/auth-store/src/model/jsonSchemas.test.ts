import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTH_MODES, AuthModeSchema, generateAuthJsonSchemas } from '../index.js';

const packageDir = join(import.meta.dirname, '..', '..');

describe('JSON Schemas', () => {
  it('checked-in schema/*.json match the schemas the code validates with (run `pnpm run schema:write` after a change)', async () => {
    const generated = generateAuthJsonSchemas();
    expect((await readdir(join(packageDir, 'schema'))).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) {
      const text = await readFile(join(packageDir, 'schema', name), 'utf8');
      expect(text, `schema/${name} drifted`).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });

  it('AccountUpdatedNotification equals the schema Codex generates', async () => {
    const codex = JSON.parse(
      await readFile(
        join(import.meta.dirname, '__fixtures__', 'codex-AccountUpdatedNotification.json'),
        'utf8',
      ),
    );
    expect(generateAuthJsonSchemas()['AccountUpdatedNotification.json']).toEqual(codex);
  });

  it('AuthMode is draft-07 with one described value per mode, and the code validates with the same schema', () => {
    const schema = generateAuthJsonSchemas()['AuthMode.json'] as {
      $schema: string;
      definitions: { AuthMode: { oneOf: Array<{ enum: string[]; description: string }> } };
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const values = schema.definitions.AuthMode.oneOf;
    expect(values.map((v) => v.enum[0])).toEqual([...AUTH_MODES]);
    for (const value of values) expect(value.description.length).toBeGreaterThan(10);
    expect(AuthModeSchema.safeParse('bedrockApiKey').success).toBe(true);
    expect(AuthModeSchema.safeParse('headers').success).toBe(false);
  });
});
