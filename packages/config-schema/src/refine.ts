import { makeSchema, runSchema } from './internal/makeSchema.js';
import type { Schema, SchemaIssue, SchemaPath } from './schema.js';

/**
 * What a refinement reports: a message (never the value itself), an optional code of the caller's
 * choosing, and a path below the refined value.
 * @public
 */
export interface Problem {
  /** What is wrong, in words for the person who wrote the value; becomes the issue's `message`. */
  readonly message: string;
  /** Defaults to `custom`. */
  readonly code?: string | undefined;
  /** Keys below the refined value, appended to its own path; absent when the value as a whole is at fault. */
  readonly path?: SchemaPath | undefined;
}

/**
 * `schema` with a further check that JSON Schema cannot say (a cross-field rule, a header grammar).
 * `check` runs only on values `schema` accepted, receives what `schema` returned, and returns the
 * problems it finds: one, several, or none (`undefined` or `[]`). The JSON Schema is `schema`'s.
 * @public
 */
export function refine<T>(
  schema: Schema<T>,
  check: (value: T) => Problem | readonly Problem[] | undefined,
): Schema<T> {
  return makeSchema(schema.def, schema.meta, (value, path, issues) => {
    const before = issues.length;
    const data = runSchema(schema, value, path, issues);
    if (issues.length > before) return data;
    const found = check(data as T);
    const problems: readonly Problem[] =
      found === undefined ? [] : Array.isArray(found) ? found : [found as Problem];
    for (const problem of problems) {
      const issue: SchemaIssue = {
        path: [...path, ...(problem.path ?? [])],
        code: problem.code ?? 'custom',
        message: problem.message,
      };
      issues.push(issue);
    }
    return data;
  });
}
