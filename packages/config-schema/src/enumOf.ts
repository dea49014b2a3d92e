import { makeSchema } from './internal/makeSchema.js';
import type { Schema, SchemaMeta } from './schema.js';

/**
 * One of the strings `values`.
 * @public
 */
export function enumOf<const V extends readonly string[]>(
  values: V,
  meta: SchemaMeta = {},
): Schema<V[number]> {
  return makeSchema({ kind: 'enum', values }, meta, (value, path, issues) => {
    if (typeof value !== 'string' || !values.includes(value))
      issues.push({ path, code: 'invalid_value', message: 'not an allowed value' });
    return value;
  });
}

/**
 * Exactly `expected` (a string, number or boolean).
 * @public
 */
export function literal<const V extends string | number | boolean>(
  expected: V,
  meta: SchemaMeta = {},
): Schema<V> {
  return makeSchema({ kind: 'literal', value: expected }, meta, (value, path, issues) => {
    if (value !== expected)
      issues.push({ path, code: 'invalid_value', message: `must be ${JSON.stringify(expected)}` });
    return value;
  });
}
