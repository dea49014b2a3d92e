import { isTable, makeSchema, runSchema, setOwn } from './internal/makeSchema.js';
import type { Schema, SchemaMeta } from './schema.js';
import { string } from './string.js';

/**
 * Options of {@link record}, next to the schema's `id`, `title` and `description`.
 * @public
 */
export interface RecordOptions extends SchemaMeta {
  /** What every key must be (a string schema); any key when absent. */
  readonly keys?: Schema<string> | undefined;
}

/**
 * A table of any keys whose values all match `values`: TOML's `[table]` of names, JSON's map.
 * @public
 */
export function record<V>(values: Schema<V>, options: RecordOptions = {}): Schema<Record<string, V>> {
  const { keys = string(), ...meta } = options;
  return makeSchema({ kind: 'record', keys, values }, meta, (value, path, issues) => {
    if (!isTable(value)) {
      issues.push({ path, code: 'invalid_type', message: 'expected an object' });
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      runSchema(keys, key, [...path, key], issues);
      setOwn(out, key, runSchema(values, item, [...path, key], issues));
    }
    return out;
  });
}
