import { describe, expect, it } from 'vitest';
import { prepareHeaders } from './prepareHeaders.js';

describe('prepareHeaders', () => {
  it('gives the same headers the second time a header set comes by (once its names are known valid)', () => {
    const input = JSON.parse('{"content-type":"application/json","__proto__":"p","x-a":"1"}');
    const first = prepareHeaders(input, 'example.com:8443');
    const second = prepareHeaders(input, 'example.com:8443');
    for (const { headers, unsignable } of [first, second]) {
      expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
      expect(Object.entries(headers)).toEqual([
        ['content-type', 'application/json'],
        ['__proto__', 'p'],
        ['x-a', '1'],
        ['host', 'example.com:8443'],
      ]);
      expect(unsignable.has('connection')).toBe(true);
    }
    expect(second.headers).not.toBe(input);
  });

  it('still drops, joins, refuses and checks once the names are known', () => {
    prepareHeaders({ 'x-b': '1', connection: 'x-b', 'x-amz-date': 'd' }, 'h');
    const again = prepareHeaders({ 'x-b': '1', connection: 'x-b' }, 'h');
    expect(again.headers).toEqual({ 'x-b': '1', connection: 'x-b', host: 'h' });
    expect(prepareHeaders({ 'x-b': '1', 'x-amz-date': 'd' }, 'h').headers).toEqual({ 'x-b': '1', host: 'h' });
    expect(again.unsignable.has('x-b')).toBe(true);
    expect(prepareHeaders({ 'x-b': '1', 'X-B': '2' }, 'h').headers).toEqual({ 'x-b': '1,2', host: 'h' });
    expect(() => prepareHeaders({ 'x-b': 1 as unknown as string }, 'h')).toThrow(
      'header "x-b" must be a string',
    );
  });
});
