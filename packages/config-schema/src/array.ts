import { makeSchema, runSchema } from './internal/makeSchema.js';
import type { Schema, SchemaMeta } from './schema.js';

/**
 * A list whose items all match `items` (issues name the index).
 * @public
 */
export function array<T>(items: Schema<T>, meta: SchemaMeta = {}): Schema<T[]> {
  return makeSchema({ kind: 'array', items }, meta, (value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push({ path, code: 'invalid_type', message: 'expected an array' });
      return value;
    }
    return value.map((item, index) => runSchema(items, item, [...path, index], issues));
  });
}
