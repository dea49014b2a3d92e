import { makeSchema } from './internal/makeSchema.js';
import type { Schema, SchemaMeta } from './schema.js';

/**
 * `true` or `false`.
 * @public
 */
export function boolean(meta: SchemaMeta = {}): Schema<boolean> {
  return makeSchema({ kind: 'boolean' }, meta, (value, path, issues) => {
    if (typeof value !== 'boolean')
      issues.push({ path, code: 'invalid_type', message: 'expected a boolean' });
    return value;
  });
}
