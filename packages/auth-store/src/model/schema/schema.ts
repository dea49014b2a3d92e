// A small schema vocabulary, just what auth.json and its neighbours need: strings, booleans, string
// enums, nullish fields, unions and objects. One definition both validates (safeParse) and generates
// the JSON Schema we ship (toJsonSchema.ts). It replaces zod here because zod costs ~80 ms to import
// and ~8 MB to install, which every process and every install of this package paid.

/**
 * What a schema accepts, as data: the JSON Schemas are generated from it.
 * @public
 */
export type SchemaDef =
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'nullish'; readonly inner: Schema<unknown> }
  | { readonly kind: 'union'; readonly options: readonly Schema<unknown>[]; readonly exclusive: boolean }
  | {
      readonly kind: 'object';
      readonly shape: Readonly<Record<string, Schema<unknown>>>;
      /** Unknown keys are kept (and allowed by the JSON Schema) rather than dropped. */
      readonly loose: boolean;
    };

/**
 * Names and words carried into the JSON Schema: `id` makes it a shared definition.
 * @public
 */
export interface SchemaMeta {
  readonly id?: string | undefined;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
}

/**
 * One problem found by `safeParse`: where (keys from the root), never the offending value.
 * @public
 */
export interface SchemaIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * The result of `safeParse`, shaped like zod's.
 * @public
 */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: { readonly issues: readonly SchemaIssue[] } };

/**
 * A schema whose valid values have type `T`.
 * @public
 */
export interface Schema<T> {
  readonly def: SchemaDef;
  readonly meta: SchemaMeta;
  /** Checks `value`; on success `data` is the value (objects copied, unknown keys per the schema). */
  safeParse(value: unknown): SafeParseResult<T>;
  /** Type-level only: never set. */
  readonly '~type'?: T;
}

/**
 * The type a schema accepts.
 * @public
 */
export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Readonly<Record<string, Schema<unknown>>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type ObjectType<S extends Shape> = { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  -readonly [K in OptionalKeys<S>]?: Infer<S[K]>;
};

type Check = (value: unknown, path: (string | number)[], issues: SchemaIssue[]) => unknown;
const checks = new WeakMap<Schema<unknown>, Check>();

function make<T>(def: SchemaDef, meta: SchemaMeta, check: Check): Schema<T> {
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

const run = (schema: Schema<unknown>, value: unknown, path: (string | number)[], issues: SchemaIssue[]) =>
  (checks.get(schema) as Check)(value, path, issues);

function typed(kind: 'string' | 'boolean', meta: SchemaMeta): Schema<never> {
  return make({ kind }, meta, (value, path, issues) => {
    if (typeof value !== kind) issues.push({ path, message: `expected a ${kind}` });
    return value;
  });
}

/**
 * A string.
 * @public
 */
export const string = (meta: SchemaMeta = {}): Schema<string> => typed('string', meta);

/**
 * A boolean.
 * @public
 */
export const boolean = (meta: SchemaMeta = {}): Schema<boolean> => typed('boolean', meta);

/**
 * One of `values`.
 * @public
 */
export function enumOf<const V extends readonly string[]>(
  values: V,
  meta: SchemaMeta = {},
): Schema<V[number]> {
  return make({ kind: 'enum', values }, meta, (value, path, issues) => {
    if (typeof value !== 'string' || !values.includes(value))
      issues.push({ path, message: 'not an allowed value' });
    return value;
  });
}

/**
 * `inner`, `null`, or absent (an optional key of an object).
 * @public
 */
export function nullish<T>(inner: Schema<T>): Schema<T | null | undefined> {
  return make({ kind: 'nullish', inner }, {}, (value, path, issues) =>
    value === null || value === undefined ? value : run(inner, value, path, issues),
  );
}

function anyOf<O extends readonly Schema<unknown>[]>(options: O, meta: SchemaMeta, exclusive: boolean) {
  return make<Infer<O[number]>>({ kind: 'union', options, exclusive }, meta, (value, path, issues) => {
    const matches = options.map((option) => option.safeParse(value)).filter((result) => result.success);
    const first = matches[0];
    if (first === undefined || (exclusive && matches.length > 1)) {
      issues.push({ path, message: exclusive ? 'must match exactly one option' : 'matches no option' });
      return value;
    }
    return first.data;
  });
}

/**
 * A value matching at least one of `options` (the first match is the result).
 * @public
 */
export const union = <O extends readonly Schema<unknown>[]>(options: O, meta: SchemaMeta = {}) =>
  anyOf(options, meta, false);

/**
 * A value matching exactly one of `options`.
 * @public
 */
export const xor = <O extends readonly Schema<unknown>[]>(options: O, meta: SchemaMeta = {}) =>
  anyOf(options, meta, true);

function objectOf(shape: Shape, meta: SchemaMeta, loose: boolean): Schema<never> {
  return make({ kind: 'object', shape, loose }, meta, (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ path, message: 'expected an object' });
      return value;
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      if (Object.hasOwn(input, key)) out[key] = run(schema, input[key], [...path, key], issues);
      else if (schema.def.kind !== 'nullish') issues.push({ path: [...path, key], message: 'required' });
    }
    if (loose) for (const key of Object.keys(input)) if (!Object.hasOwn(shape, key)) out[key] = input[key];
    return out;
  });
}

/**
 * An object with these keys; unknown keys are dropped.
 * @public
 */
export const object = <S extends Shape>(shape: S, meta: SchemaMeta = {}): Schema<ObjectType<S>> =>
  objectOf(shape, meta, false);

/**
 * An object with these keys; unknown keys are kept, so a newer writer's fields survive.
 * @public
 */
export const looseObject = <S extends Shape>(
  shape: S,
  meta: SchemaMeta = {},
): Schema<ObjectType<S> & { [key: string]: unknown }> => objectOf(shape, meta, true);
