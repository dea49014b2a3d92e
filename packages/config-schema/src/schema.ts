// The vocabulary every schema of this package shares. A schema is data (`def`, `meta`) plus a check:
// the data is what the JSON Schema is generated from (toJsonSchema.ts), the check is what `safeParse`
// runs, so the two cannot tell different stories about what is valid.

/**
 * Where a path into the validated value goes: object keys and array indexes, from the root.
 * @public
 */
export type SchemaPath = readonly (string | number)[];

/**
 * What a schema accepts, as data: the JSON Schemas are generated from it. Refinements (see `refine`)
 * cannot be written in a JSON Schema and leave no trace here.
 * @public
 */
export type SchemaDef =
  | {
      readonly kind: 'string';
      readonly minLength?: number | undefined;
      /** A regular expression's source, as JSON Schema's `pattern`. */
      readonly pattern?: string | undefined;
      readonly format?: 'uri' | undefined;
    }
  | {
      readonly kind: 'number';
      readonly integer: boolean;
      readonly minimum?: number | undefined;
      readonly exclusiveMinimum?: number | undefined;
      readonly maximum?: number | undefined;
    }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  | { readonly kind: 'optional'; readonly inner: Schema<unknown> }
  | { readonly kind: 'nullish'; readonly inner: Schema<unknown> }
  | { readonly kind: 'union'; readonly options: readonly Schema<unknown>[]; readonly exclusive: boolean }
  | { readonly kind: 'array'; readonly items: Schema<unknown> }
  | { readonly kind: 'record'; readonly keys: Schema<string>; readonly values: Schema<unknown> }
  | {
      readonly kind: 'object';
      readonly shape: Readonly<Record<string, Schema<unknown>>>;
      /** Unknown keys are dropped (`strip`), kept (`keep`) or refused (`reject`). */
      readonly unknownKeys: 'strip' | 'keep' | 'reject';
    };

/**
 * Names and words carried into the JSON Schema: `id` makes it a shared definition.
 * @public
 */
export interface SchemaMeta {
  /** Makes the schema a shared definition of that name, written once and referred to by `$ref`. */
  readonly id?: string | undefined;
  /** Copied into the JSON Schema as `title`, a short label editors show. */
  readonly title?: string | undefined;
  /** Copied into the JSON Schema as `description`, the hover text of editors that read it. */
  readonly description?: string | undefined;
}

/**
 * One problem found by `safeParse`: where (keys from the root) and what is expected, never the
 * offending value. `code` is one of `invalid_type`, `required`, `unknown_key`, `too_small`,
 * `too_big`, `not_integer`, `invalid_format`, `invalid_value`, `no_match`, or the code a refinement
 * chose (`custom` when it chose none).
 * @public
 */
export interface SchemaIssue {
  /** Keys and indexes from the root to the offending value; `[]` when the root itself is. */
  readonly path: SchemaPath;
  /** The kind of problem, one of the codes listed above; stable, unlike `message`. */
  readonly code: string;
  /** What is expected, in words (`must be at least 1`), never the value found. */
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
  /** What the schema accepts, as data; `toJsonSchema` renders it. */
  readonly def: SchemaDef;
  /** The `id`, `title` and `description` the schema was made with (`{}` when none). */
  readonly meta: SchemaMeta;
  /**
   * Checks `value`; on success `data` is the value as the schema returns it (objects and arrays
   * copied, unknown keys per the schema, strings trimmed where asked). Issues come in the order of
   * the value's fields, so the first one is the first problem a reader of the file meets.
   */
  safeParse(value: unknown): SafeParseResult<T>;
  /** Type-level only: never set. */
  readonly '~type'?: T;
}

/**
 * The type a schema accepts.
 * @public
 */
export type Infer<S> = S extends Schema<infer T> ? T : never;
