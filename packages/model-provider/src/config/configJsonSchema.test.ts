import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from './configJsonSchema.js';

const checkedIn = new URL('../../schema/config.schema.json', import.meta.url);

describe('configJsonSchema', () => {
  it('matches the checked-in schema/config.schema.json (run `pnpm schema:write` after changing the schema)', async () => {
    const generated = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    expect(await readFile(checkedIn, 'utf8')).toBe(generated);
  });

  it('is draft-07 and describes provider tables with their fields', () => {
    const schema = configJsonSchema() as {
      $schema: string;
      properties: {
        model_providers: { additionalProperties: { anyOf: { properties: Record<string, unknown> }[] } };
      };
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const [full, override] = schema.properties.model_providers.additionalProperties.anyOf;
    expect(Object.keys(full?.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'base_url', 'env_key', 'auth', 'aws', 'request_max_retries']),
    );
    expect(Object.keys(override?.properties ?? {}).sort()).toEqual([
      'auth',
      'aws',
      'base_url',
      'http_headers',
    ]);
  });
});
