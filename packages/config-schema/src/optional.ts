import { makeSchema, runSchema } from './internal/makeSchema.js';
import type { Schema, SchemaMeta } from './schema.js';

/**
 * `inner`, or absent: an optional key of an object (`null` is refused, as TOML has none).
 * `meta` describes the field, over `inner`'s own words.
 * @public
 */
export function optional<T>(inner: Schema<T>, meta: SchemaMeta = {}): Schema<T | undefined> {
  return makeSchema({ kind: 'optional', inner }, meta, (value, path, issues) =>
    value === undefined ? value : runSchema(inner, value, path, issues),
  );
}

/**
 * `inner`, `null`, or absent (an optional key of an object).
 * @public
 */
export function nullish<T>(inner: Schema<T>): Schema<T | null | undefined> {
  return makeSchema({ kind: 'nullish', inner }, {}, (value, path, issues) =>
    value === null || value === undefined ? value : runSchema(inner, value, path, issues),
  );
}
