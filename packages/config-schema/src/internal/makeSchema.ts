import type { Schema, SchemaDef, SchemaIssue, SchemaMeta, SchemaPath } from '../schema.js';

/** Checks `value` found at `path`, adds what is wrong to `issues`, returns the value to keep. */
export type Check = (value: unknown, path: SchemaPath, issues: SchemaIssue[]) => unknown;

const checks = new WeakMap<Schema<unknown>, Check>();

/** A frozen schema from its data and its check. */
export function makeSchema<T>(def: SchemaDef, meta: SchemaMeta, check: Check): Schema<T> {
  const schema: Schema<T> = {
    def,
    meta,
    safeParse(value) {
      const issues: SchemaIssue[] = [];
      const data = check(value, [], issues);
      return issues.length === 0 ? { success: true, data: data as T } : { success: false, error: { issues } };
    },
  };
  checks.set(schema, check);
  return Object.freeze(schema);
}

/** Runs `schema`'s check at `path`, adding to `issues` (so nested paths stay whole). */
export function runSchema(
  schema: Schema<unknown>,
  value: unknown,
  path: SchemaPath,
  issues: SchemaIssue[],
): unknown {
  const check = checks.get(schema);
  // A schema not made here (a hand-written object) still has safeParse: fold its issues in.
  if (check !== undefined) return check(value, path, issues);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) issues.push({ ...issue, path: [...path, ...issue.path] });
  return value;
}

/** The `id`, `title` and `description` of an options object that also carries rules. */
export function metaOf(options: SchemaMeta): SchemaMeta {
  const meta: { -readonly [K in keyof SchemaMeta]: SchemaMeta[K] } = {};
  if (options.id !== undefined) meta.id = options.id;
  if (options.title !== undefined) meta.title = options.title;
  if (options.description !== undefined) meta.description = options.description;
  return meta;
}

/** Whether `value` is a plain table: an object that is neither null nor an array. */
export const isTable = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Sets an own, enumerable property, even for the key `__proto__` (which plain assignment would
 * take as the object's prototype): data read from a file can have any key.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
