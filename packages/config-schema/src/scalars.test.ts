import { describe, expect, it } from 'vitest';
import { literal, number, string, url } from './index.js';

const issuesOf = (result: { success: boolean; error?: { issues: readonly unknown[] } }) =>
  result.success ? [] : (result.error?.issues ?? []);

describe('strings', () => {
  it('trim before checking and return the trimmed text; minLength and pattern use the given message', () => {
    const name = string({ trim: true, minLength: 1, message: 'name must not be empty' });
    expect(name.safeParse('  Corp ')).toEqual({ success: true, data: 'Corp' });
    expect(issuesOf(name.safeParse('   '))).toEqual([
      { path: [], code: 'too_small', message: 'name must not be empty' },
    ]);
    expect(string({ minLength: 1 }).safeParse('  ')).toEqual({ success: true, data: '  ' });
    const id = string({ pattern: /^[a-z]+$/g });
    // The g flag is dropped: a second test of the same text does not start where the first ended.
    expect([id.safeParse('abc').success, id.safeParse('abc').success, id.safeParse('ab-c').success]).toEqual([
      true,
      true,
      false,
    ]);
    expect(issuesOf(string().safeParse(5))).toEqual([
      { path: [], code: 'invalid_type', message: 'expected a string' },
    ]);
  });

  it('urls: absolute, one of the schemes written with ://, trimmed, never quoted in the message', () => {
    const web = url({ protocols: ['http', 'https'] });
    expect(web.safeParse(' https://llm.example/v1 ')).toEqual({
      success: true,
      data: 'https://llm.example/v1',
    });
    expect(web.safeParse('HTTP://127.0.0.1:8080/v1').success).toBe(true);
    for (const bad of [
      'ftp://files.example',
      'http:example.com',
      'https:/x',
      'relative/path',
      'not a url',
      '',
    ])
      expect(web.safeParse(bad).success, bad).toBe(false);
    const [issue] = issuesOf(web.safeParse('ftp://secret@files.example')) as { message: string }[];
    expect(issue?.message).toBe('must be a URL starting with http:// or https://');
    expect(url().safeParse('mailto:a@b.example').success).toBe(true);
  });
});

describe('numbers', () => {
  it('are finite; integers are whole and within the safe range unless bounded', () => {
    const count = number({ integer: true, minimum: 0 });
    expect(count.safeParse(7)).toEqual({ success: true, data: 7 });
    for (const [bad, code] of [
      [-1, 'too_small'],
      [1.5, 'not_integer'],
      [Number.POSITIVE_INFINITY, 'invalid_type'],
      [Number.NaN, 'invalid_type'],
      ['4', 'invalid_type'],
      [2 ** 60, 'too_big'],
    ] as const) {
      expect(
        issuesOf(count.safeParse(bad)).map((issue) => (issue as { code: string }).code),
        String(bad),
      ).toEqual([code]);
    }
    expect(number().safeParse(0.25).success).toBe(true);
  });

  it('exclusiveMinimum and maximum, with their own messages', () => {
    const ms = number({
      integer: true,
      exclusiveMinimum: 0,
      maximum: 100,
      messages: { minimum: 'must be greater than 0 ms', maximum: 'must be at most 100 ms' },
    });
    expect(ms.safeParse(100).success).toBe(true);
    expect(issuesOf(ms.safeParse(0))).toEqual([
      { path: [], code: 'too_small', message: 'must be greater than 0 ms' },
    ]);
    expect(issuesOf(ms.safeParse(101))).toEqual([
      { path: [], code: 'too_big', message: 'must be at most 100 ms' },
    ]);
    expect(issuesOf(number({ minimum: 1 }).safeParse(0))).toEqual([
      { path: [], code: 'too_small', message: 'must be at least 1' },
    ]);
  });
});

describe('literals', () => {
  it('accept exactly their value', () => {
    expect(literal('responses').safeParse('responses').success).toBe(true);
    expect(issuesOf(literal('responses').safeParse('chat'))).toEqual([
      { path: [], code: 'invalid_value', message: 'must be "responses"' },
    ]);
    expect(literal(3).safeParse(3).success).toBe(true);
  });
});
