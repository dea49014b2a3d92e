import { describe, expect, it } from 'vitest';
import { enumOf, looseObject, nullish, object, string, union, xor } from './index.js';

const record = looseObject({ id: string(), note: nullish(string()) });

describe('schema', () => {
  it('reports every bad field by path, never by value', () => {
    const result = looseObject({ a: string(), inner: record }).safeParse({ a: 1, inner: { note: 2 } });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['a', 'inner.id', 'inner.note']);
    expect(JSON.stringify(issues)).not.toContain('1');
  });

  it('loose objects keep unknown keys, plain objects drop them; null and absent pass a nullish field', () => {
    expect(record.safeParse({ id: 'x', note: null, extra: true })).toEqual({
      success: true,
      data: { id: 'x', note: null, extra: true },
    });
    expect(object({ id: string() }).safeParse({ id: 'x', extra: true })).toEqual({
      success: true,
      data: { id: 'x' },
    });
    expect(record.safeParse({ id: 'x' }).success).toBe(true);
    expect(record.safeParse(['x']).success).toBe(false);
    expect(record.safeParse(null).success).toBe(false);
  });

  it('enums, unions and exclusive unions', () => {
    const mode = enumOf(['a', 'b']);
    expect(mode.safeParse('a').success).toBe(true);
    expect(mode.safeParse('c').success).toBe(false);
    expect(union([string(), record]).safeParse({ id: 'x' }).success).toBe(true);
    expect(union([string(), record]).safeParse(3).success).toBe(false);
    expect(xor([string(), string()]).safeParse('x').success).toBe(false);
    expect(xor([enumOf(['a']), enumOf(['b'])]).safeParse('b').success).toBe(true);
  });
});
