import { describe, expect, it } from 'vitest';
import { ExitCode } from './exitCode.js';
import { tourVerdict } from './tourVerdict.js';

describe('tourVerdict', () => {
  it('exits 0 only when every row was verified', () => {
    expect(tourVerdict([{ ok: true }, { ok: true }])).toEqual({
      exitCode: ExitCode.ok,
      message: 'All 2 auth paths verified by the server.',
    });
    expect(tourVerdict([{ ok: true }, { ok: false }, { ok: true }])).toEqual({
      exitCode: ExitCode.failure,
      message: '1 of 3 auth paths were not verified',
    });
    expect(tourVerdict([]).exitCode).toBe(ExitCode.failure);
  });
});
