import { describe, expect, it } from 'vitest';
import { causeChain } from './causeChain.js';
import { renderings } from './renderings.js';

const SECRET = 'planted-secret-7f3a';
const everything = (value: unknown): string => renderings(value).join('\n');

describe('renderings', () => {
  it('shows what hides in a cause, an AggregateError member, a stack and a hidden property', () => {
    expect(everything(new Error('outer', { cause: new Error(SECRET) }))).toContain(SECRET);
    expect(everything(new AggregateError([new Error(SECRET)], 'several'))).toContain(SECRET);
    const hidden = new Error('plain');
    Object.defineProperty(hidden, 'token', { value: SECRET, enumerable: false });
    expect(everything(hidden)).toContain(SECRET);
    expect(everything({ nested: { deeper: { deepest: { value: SECRET } } } })).toContain(SECRET);
  });

  it('shows nothing of a value that holds no secret, and ends on a cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(causeChain(a)).toEqual([a, b]);
    expect(everything(a)).not.toContain(SECRET);
  });
});
