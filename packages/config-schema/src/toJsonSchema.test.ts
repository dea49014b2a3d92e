import { describe, expect, it } from 'vitest';
import {
  array,
  enumOf,
  literal,
  looseObject,
  number,
  optional,
  record,
  refine,
  strictObject,
  string,
  toJsonSchema,
  url,
} from './index.js';

describe('toJsonSchema', () => {
  it('says every rule a schema checks that JSON Schema can say', () => {
    const schema = looseObject(
      {
        name: string({ trim: true, minLength: 1, description: 'Display name.' }),
        base_url: optional(url({ protocols: ['http', 'https'] })),
        ids: optional(record(literal('responses'), { keys: string({ pattern: /^[a-z]+$/ }) })),
        args: optional(array(string()), { description: 'Arguments.' }),
        retries: optional(number({ integer: true, minimum: 0 })),
        timeout: optional(number({ integer: true, exclusiveMinimum: 0, maximum: 10 })),
        ratio: optional(number()),
        mode: optional(enumOf(['a', 'b'])),
        strict: optional(strictObject({ x: refine(string(), () => undefined) })),
      },
      { description: 'Root.' },
    );
    expect(toJsonSchema(schema)).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, description: 'Display name.' },
        base_url: { type: 'string', format: 'uri' },
        ids: {
          type: 'object',
          propertyNames: { type: 'string', pattern: '^[a-z]+$' },
          additionalProperties: { type: 'string', const: 'responses' },
        },
        args: { type: 'array', items: { type: 'string' }, description: 'Arguments.' },
        retries: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        timeout: { type: 'integer', exclusiveMinimum: 0, maximum: 10 },
        ratio: { type: 'number' },
        mode: { type: 'string', enum: ['a', 'b'] },
        strict: {
          type: 'object',
          properties: { x: { type: 'string' } },
          required: ['x'],
          additionalProperties: false,
        },
      },
      required: ['name'],
      additionalProperties: {},
      description: 'Root.',
    });
  });
});
