import { makeSchema } from './internal/makeSchema.js';
import type { Infer, Schema, SchemaMeta } from './schema.js';

function anyOf<O extends readonly Schema<unknown>[]>(
  options: O,
  meta: SchemaMeta,
  exclusive: boolean,
): Schema<Infer<O[number]>> {
  return makeSchema({ kind: 'union', options, exclusive }, meta, (value, path, issues) => {
    const matches = options.map((option) => option.safeParse(value)).filter((result) => result.success);
    const first = matches[0];
    if (first === undefined || (exclusive && matches.length > 1)) {
      issues.push({
        path,
        code: 'no_match',
        message: exclusive ? 'must match exactly one option' : 'matches no option',
      });
      return value;
    }
    return first.data;
  });
}

/**
 * A value matching at least one of `options` (the first match is the result).
 * @public
 */
export const union = <O extends readonly Schema<unknown>[]>(
  options: O,
  meta: SchemaMeta = {},
): Schema<Infer<O[number]>> => anyOf(options, meta, false);

/**
 * A value matching exactly one of `options`.
 * @public
 */
export const xor = <O extends readonly Schema<unknown>[]>(
  options: O,
  meta: SchemaMeta = {},
): Schema<Infer<O[number]>> => anyOf(options, meta, true);
