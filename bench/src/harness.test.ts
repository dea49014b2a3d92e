import { describe, expect, it } from 'vitest';
import { formatTable } from './formatTable.js';
import { measureInterleaved, median } from './harness.js';

describe('measureInterleaved', () => {
  it('runs every contestant in every round and reports a rate for each', async () => {
    const calls = { a: 0, b: 0 };
    const rates = await measureInterleaved(
      [
        { name: 'a', run: () => calls.a++ },
        { name: 'b', run: async () => calls.b++ },
      ],
      { rounds: 3, sliceMs: 20, warmupMs: 5 },
    );
    expect([...rates.keys()]).toEqual(['a', 'b']);
    expect(calls.a).toBeGreaterThan(3);
    expect(calls.b).toBeGreaterThan(3);
    for (const rate of rates.values()) expect(rate).toBeGreaterThan(0);
  });

  it('takes the median', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('formatTable', () => {
  it('prints ours, each peer and the floor with ratios, and the machine and date', () => {
    const table = formatTable({
      node: 'v20.20.2',
      cpu: 'Test CPU x2',
      date: '2026-11-22T00:00:00.000Z',
      results: [
        { name: 'sign-1k', unit: 'ops/s', ours: 2000, peers: { peer: 1000 }, floor: 4000, note: 'n' },
        { name: 'install-size x', unit: 'MB', ours: null, peers: {}, unavailable: 'npm install failed (E)' },
      ],
    });
    expect(table).toContain('Node v20.20.2, Test CPU x2, 2026-11-22.');
    expect(table).toContain('| sign-1k | ops/s | 2,000 | peer: 1,000 (2.00x) | 4,000 (0.50x) | n |');
    expect(table).toContain('| install-size x | MB | n/a | | | npm install failed (E) |');
  });
});
