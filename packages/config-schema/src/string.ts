import { makeSchema, metaOf } from './internal/makeSchema.js';
import type { Schema, SchemaMeta } from './schema.js';

/**
 * Rules for {@link string}, next to the schema's `id`, `title` and `description`.
 * @public
 */
export interface StringOptions extends SchemaMeta {
  /** Check and return the value without surrounding whitespace (not expressible in JSON Schema). */
  readonly trim?: boolean | undefined;
  /** The fewest UTF-16 code units, counted after `trim` when set; `1` means "must not be empty". */
  readonly minLength?: number | undefined;
  /** The whole value must match (JSON Schema gets the expression's source, without flags). */
  readonly pattern?: RegExp | undefined;
  /** Said instead of the default when `minLength` or `pattern` is not met. */
  readonly message?: string | undefined;
}

/**
 * A string, optionally trimmed, with a least length and a pattern.
 * @public
 */
export function string(options: StringOptions = {}): Schema<string> {
  const { trim = false, minLength, pattern, message } = options;
  // A private copy without the g and y flags, whose `test` would otherwise remember a position.
  const regex = pattern && new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const def = {
    kind: 'string' as const,
    ...(minLength !== undefined && { minLength }),
    ...(pattern !== undefined && { pattern: pattern.source }),
  };
  return makeSchema(def, metaOf(options), (value, path, issues) => {
    if (typeof value !== 'string') {
      issues.push({ path, code: 'invalid_type', message: 'expected a string' });
      return value;
    }
    const text = trim ? value.trim() : value;
    if (minLength !== undefined && text.length < minLength) {
      const expected = minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters`;
      issues.push({ path, code: 'too_small', message: message ?? expected });
    } else if (regex !== undefined && !regex.test(text)) {
      issues.push({ path, code: 'invalid_format', message: message ?? `must match ${String(pattern)}` });
    }
    return text;
  });
}
