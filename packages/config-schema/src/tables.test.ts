import { describe, expect, it } from 'vitest';
import { array, number, optional, pick, record, refine, strictObject, string } from './index.js';

const pathsOf = (result: {
  success: boolean;
  error?: { issues: readonly { path: readonly unknown[]; code: string }[] };
}) => (result.success ? [] : (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.code]));

const provider = strictObject({
  name: string(),
  retries: optional(number({ integer: true, minimum: 0 })),
  args: optional(array(string())),
  headers: optional(record(string())),
});

describe('strict objects, optional fields, arrays and records', () => {
  it('report field problems first, in field order, then unknown keys, each at its own path', () => {
    expect(
      pathsOf(provider.safeParse({ retries: -1, shell: true, args: ['a', 2], headers: { a: 'b', c: 1 } })),
    ).toEqual([
      ['name', 'required'],
      ['retries', 'too_small'],
      ['args.1', 'invalid_type'],
      ['headers.c', 'invalid_type'],
      ['shell', 'unknown_key'],
    ]);
  });

  it('accept absent optional fields but not null, and copy what they return', () => {
    const input = { name: 'C', args: ['x'], headers: { a: 'b' } };
    const result = provider.safeParse(input);
    expect(result).toEqual({ success: true, data: input });
    expect(result.success && result.data.args).not.toBe(input.args);
    expect(pathsOf(provider.safeParse({ name: 'C', retries: null }))).toEqual([['retries', 'invalid_type']]);
  });

  it('records check their keys with the key schema', () => {
    const ids = record(number(), { keys: string({ pattern: /^[a-z]+$/ }) });
    expect(pathsOf(ids.safeParse({ ok: 1, 'Not-Ok': 2 }))).toEqual([['Not-Ok', 'invalid_format']]);
    expect(pathsOf(ids.safeParse([1]))).toEqual([['', 'invalid_type']]);
  });

  it('keep a `__proto__` key as data, never as the prototype of what they return', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": {"b": "c"}}') as unknown;
    const result = record(record(string())).safeParse(parsed);
    expect(result.success).toBe(true);
    const tables = (result.success ? result.data : {}) as Record<string, unknown>;
    expect(Object.getPrototypeOf(tables)).toBe(Object.prototype);
    expect(Object.keys(tables)).toEqual(['__proto__', 'a']);
    expect((tables as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('pick keeps the chosen fields in the order asked and the unknown-key rule', () => {
    const override = pick(provider, ['headers', 'name']);
    expect(override.def.kind === 'object' && Object.keys(override.def.shape)).toEqual(['headers', 'name']);
    expect(pathsOf(override.safeParse({ name: 'C', retries: 1 }))).toEqual([['retries', 'unknown_key']]);
  });
});

describe('refine', () => {
  const headers = refine(record(string()), (map) =>
    Object.entries(map)
      .filter(([, value]) => value.includes('\n'))
      .map(([name]) => ({ code: 'INVALID_HEADER', message: 'the value has a line break', path: [name] })),
  );

  it('adds the problems it finds, with their codes and paths below the value', () => {
    const result = strictObject({ h: headers }).safeParse({ h: { ok: 'v', bad: 'x\ny' } });
    expect(result.success ? [] : result.error.issues).toEqual([
      { path: ['h', 'bad'], code: 'INVALID_HEADER', message: 'the value has a line break' },
    ]);
  });

  it('runs only on values the schema accepted, on what the schema returned', () => {
    const seen: unknown[] = [];
    const trimmed = refine(string({ trim: true }), (value) => {
      seen.push(value);
      return value === 'bad' ? { message: 'no' } : undefined;
    });
    expect(trimmed.safeParse(' ok ')).toEqual({ success: true, data: 'ok' });
    expect(trimmed.safeParse(' bad ').success ? undefined : trimmed.safeParse('bad')).toMatchObject({
      error: { issues: [{ code: 'custom', message: 'no' }] },
    });
    expect(trimmed.safeParse(5).success).toBe(false);
    expect(seen).toEqual(['ok', 'bad', 'bad']);
  });
});
