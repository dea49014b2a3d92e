import { makeSchema, metaOf } from './internal/makeSchema.js';
import type { Schema, SchemaMeta } from './schema.js';

/**
 * Rules for {@link number}, next to the schema's `id`, `title` and `description`.
 * @public
 */
export interface NumberOptions extends SchemaMeta {
  /** A whole number within ±(2^53 - 1), where every integer is exact. */
  readonly integer?: boolean | undefined;
  /** The least value, itself included; an integer's defaults to -(2^53 - 1) without `exclusiveMinimum`. */
  readonly minimum?: number | undefined;
  /** The least value, itself excluded (`exclusiveMinimum: 0` is "greater than 0"). */
  readonly exclusiveMinimum?: number | undefined;
  /** The greatest value, itself included; an integer's defaults to 2^53 - 1. */
  readonly maximum?: number | undefined;
  /** Said instead of the defaults; `minimum` covers `exclusiveMinimum` too. */
  readonly messages?:
    | {
        readonly integer?: string | undefined;
        readonly minimum?: string | undefined;
        readonly maximum?: string | undefined;
      }
    | undefined;
}

/**
 * A finite number (never `NaN` or an infinity), optionally whole and within bounds. An integer's
 * bounds default to the safe range, and its JSON Schema says so.
 * @public
 */
export function number(options: NumberOptions = {}): Schema<number> {
  const { integer = false, exclusiveMinimum, messages = {} } = options;
  const safe = Number.MAX_SAFE_INTEGER;
  const minimum = options.minimum ?? (integer && exclusiveMinimum === undefined ? -safe : undefined);
  const maximum = options.maximum ?? (integer ? safe : undefined);
  const def = {
    kind: 'number' as const,
    integer,
    ...(exclusiveMinimum !== undefined ? { exclusiveMinimum } : minimum !== undefined && { minimum }),
    ...(maximum !== undefined && { maximum }),
  };
  return makeSchema(def, metaOf(options), (value, path, issues) => {
    const problem = (code: string, message: string) => {
      issues.push({ path, code, message });
      return value;
    };
    if (typeof value !== 'number' || !Number.isFinite(value))
      return problem('invalid_type', 'expected a finite number');
    if (integer && !Number.isInteger(value))
      return problem('not_integer', messages.integer ?? 'must be a whole number');
    if (exclusiveMinimum !== undefined && value <= exclusiveMinimum)
      return problem('too_small', messages.minimum ?? `must be greater than ${exclusiveMinimum}`);
    if (minimum !== undefined && value < minimum)
      return problem('too_small', messages.minimum ?? `must be at least ${minimum}`);
    if (maximum !== undefined && value > maximum)
      return problem('too_big', messages.maximum ?? `must be at most ${maximum}`);
    return value;
  });
}
