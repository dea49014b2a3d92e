import { ExitCode, type ExitCodeValue } from './exitCode.js';
import type { TourRow } from './tourAsk.js';

export interface TourVerdict {
  exitCode: ExitCodeValue;
  message: string;
}

/** The tour passes (exit 0) only when it asked something and the server verified every row. */
export function tourVerdict(rows: readonly Pick<TourRow, 'ok'>[]): TourVerdict {
  const failed = rows.filter((row) => !row.ok).length;
  if (rows.length === 0) return { exitCode: ExitCode.failure, message: 'the tour asked nothing' };
  if (failed > 0)
    return {
      exitCode: ExitCode.failure,
      message: `${failed} of ${rows.length} auth paths were not verified`,
    };
  return { exitCode: ExitCode.ok, message: `All ${rows.length} auth paths verified by the server.` };
}
