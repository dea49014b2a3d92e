import { isTable, makeSchema, runSchema, setOwn } from './internal/makeSchema.js';
import type { Infer, Schema, SchemaMeta } from './schema.js';

/**
 * The fields of an object schema, by key.
 * @public
 */
export type Shape = Readonly<Record<string, Schema<unknown>>>;

type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * The type of an object with these fields: those that accept `undefined` are optional keys.
 * @public
 */
export type ObjectType<S extends Shape> = Flat<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    -readonly [K in OptionalKeys<S>]?: Infer<S[K]>;
  }
>;

const isOptional = (schema: Schema<unknown>): boolean =>
  schema.def.kind === 'optional' || schema.def.kind === 'nullish';

function objectOf<S extends Shape>(
  shape: S,
  meta: SchemaMeta,
  unknownKeys: 'strip' | 'keep' | 'reject',
): Schema<never> {
  return makeSchema({ kind: 'object', shape, unknownKeys }, meta, (value, path, issues) => {
    if (!isTable(value)) {
      issues.push({ path, code: 'invalid_type', message: 'expected an object' });
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      if (Object.hasOwn(value, key)) setOwn(out, key, runSchema(schema, value[key], [...path, key], issues));
      else if (!isOptional(schema))
        issues.push({ path: [...path, key], code: 'required', message: 'required' });
    }
    // Unknown keys come after the fields' own problems, which say more about the value.
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(shape, key)) continue;
      if (unknownKeys === 'keep') setOwn(out, key, value[key]);
      else if (unknownKeys === 'reject')
        issues.push({ path: [...path, key], code: 'unknown_key', message: 'unknown key' });
    }
    return out;
  });
}

/**
 * An object with these keys; unknown keys are dropped.
 * @public
 */
export const object = <S extends Shape>(shape: S, meta: SchemaMeta = {}): Schema<ObjectType<S>> =>
  objectOf(shape, meta, 'strip');

/**
 * An object with these keys; unknown keys are kept, so a newer writer's fields survive.
 * @public
 */
export const looseObject = <S extends Shape>(
  shape: S,
  meta: SchemaMeta = {},
): Schema<ObjectType<S> & { [key: string]: unknown }> => objectOf(shape, meta, 'keep');

/**
 * An object with these keys only: an unknown key is an issue (`unknown_key`, at that key's path).
 * @public
 */
export const strictObject = <S extends Shape>(shape: S, meta: SchemaMeta = {}): Schema<ObjectType<S>> =>
  objectOf(shape, meta, 'reject');

/**
 * The object schema `schema` with only the fields `keys`, in that order, treating unknown keys as it does.
 * @public
 */
export function pick<T extends object, const K extends readonly (keyof T & string)[]>(
  schema: Schema<T>,
  keys: K,
  meta: SchemaMeta = {},
): Schema<Pick<T, K[number]>> {
  const def = schema.def;
  if (def.kind !== 'object') throw new TypeError('pick() takes an object schema');
  const shape: Record<string, Schema<unknown>> = {};
  for (const key of keys) {
    const field = def.shape[key];
    if (field === undefined) throw new TypeError(`pick(): no field ${JSON.stringify(key)}`);
    shape[key] = field;
  }
  return objectOf(shape, meta, def.unknownKeys);
}
